package org.wassist.bridge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.MediaDownload;
import org.wassist.bridge.channel.MediaTooLargeException;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.observability.Pseudonyms;

/**
 * An inbound message's attachment, from the channel to the media store: not fetched when declared over the limit,
 * fetched within it (retrying a retryable failure a few times), stored under {@code inbound/…}. The result is the
 * envelope's media: stored with its key and hash, or not stored as {@code TOO_LARGE} or {@code UNAVAILABLE}.
 */
final class InboundMedia {
    private static final Logger LOG = LoggerFactory.getLogger(InboundMedia.class);
    private static final int FETCH_ATTEMPTS = 3;

    private final MediaStore store;
    private final long maxBytes;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final Retries retries;

    InboundMedia(MediaStore store, long maxBytes, Clock clock, Pseudonyms pseudonyms, Retries retries) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.retries = retries;
    }

    Media store(Envelope e, MediaDownload d) throws InterruptedException {
        if (d.declaredSize() > maxBytes) {
            return notStored(Media.Status.TOO_LARGE, d, d.declaredSize());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return put(d, d.fetch(maxBytes));
            } catch (MediaTooLargeException tooLarge) {
                return notStored(Media.Status.TOO_LARGE, d, tooLarge.size());
            } catch (ChannelException ce) {
                if (!ce.retryable() || attempt >= FETCH_ATTEMPTS) {
                    LOG.warn("media of message {} unavailable: {}", pseudonyms.message(e.messageId()), ce.code());
                    return notStored(Media.Status.UNAVAILABLE, d, d.declaredSize());
                }
                retries.pause(attempt);
            }
        }
    }

    private Media put(MediaDownload d, byte[] bytes) throws InterruptedException {
        if (bytes.length > maxBytes) {
            return notStored(Media.Status.TOO_LARGE, d, bytes.length);
        }
        String mime = d.mimeType();
        String key = MediaKeys.inbound(clock.instant(), mime);
        if (!retries.untilDone("store media", () -> store.put(key, bytes, mime))) {
            return notStored(Media.Status.UNAVAILABLE, d, bytes.length);
        }
        return Media.stored(key, mime, bytes.length, d.fileName(), sha256(bytes));
    }

    private static Media notStored(Media.Status status, MediaDownload d, long size) {
        return Media.notStored(status, d.mimeType(), size, d.fileName());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
