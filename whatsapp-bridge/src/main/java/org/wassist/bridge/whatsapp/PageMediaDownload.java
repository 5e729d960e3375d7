package org.wassist.bridge.whatsapp;

import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.MediaDownload;

/** An inbound message's media, fetched through the page when the forwarder asks for it. */
final class PageMediaDownload implements MediaDownload {
    private final MessageNormaliser.MediaRef ref;
    private final PageEvents.MediaFetcher fetcher;

    PageMediaDownload(MessageNormaliser.MediaRef ref, PageEvents.MediaFetcher fetcher) {
        this.ref = ref;
        this.fetcher = fetcher;
    }

    @Override
    public long declaredSize() {
        return ref.declaredSize();
    }

    @Override
    public String mimeType() {
        return ref.mimeType();
    }

    @Override
    public @Nullable String fileName() {
        return ref.fileName();
    }

    @Override
    public byte[] fetch(long maxBytes) throws ChannelException {
        return fetcher.fetch(ref.messageId(), maxBytes);
    }
}
