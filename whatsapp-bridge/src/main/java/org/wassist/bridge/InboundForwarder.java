package org.wassist.bridge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.bridge.channel.MediaDownload;
import org.wassist.bridge.channel.MediaTooLargeException;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.inbound.InboundPublisher;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.observability.Pseudonyms;

/**
 * The inbound path after the channel: on its own thread (never the channel's event thread) it fetches media within the
 * size limit, stores it under {@code inbound/…}, publishes the envelope, and tells the channel it was delivered.
 * Publishing is retried with backoff until the queue accepts it, so messages of one chat stay in order.
 */
final class InboundForwarder implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(InboundForwarder.class);
    private static final int FETCH_ATTEMPTS = 3;
    private static final Duration BACKOFF_MIN = Duration.ofMillis(500);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    private static final Duration STOP_AFTER_INTERRUPT = Duration.ofMillis(200);

    private final Channel channel;
    private final InboundPublisher publisher;
    private final MediaStore media;
    private final long maxBytes;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final BlockingQueue<InboundMessage> queue;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final int capacity;
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private volatile @Nullable Instant giveUpAt;
    private final java.util.concurrent.atomic.AtomicInteger failuresInARow =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastFailure = "";

    InboundForwarder(
            Channel channel,
            InboundPublisher publisher,
            MediaStore media,
            BridgeSettings settings,
            Clock clock,
            Pseudonyms pseudonyms) {
        this.channel = channel;
        this.publisher = publisher;
        this.media = media;
        this.maxBytes = settings.mediaMaxBytes();
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.capacity = settings.inboundBuffer();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "bridge-inbound");
    }

    /**
     * Enqueues without blocking. When the buffer is full (the queue has been unreachable for long) the message is
     * refused, and so is every later one until the buffer has drained: the channel keeps them and offers them again,
     * oldest first, once {@link Channel#inboundResumed()} tells it there is room, so a chat's messages stay in order.
     */
    @Override
    public boolean accept(InboundMessage message) {
        if (!refusing.get() && queue.offer(message)) {
            return true;
        }
        refused.incrementAndGet();
        if (refusing.compareAndSet(false, true)) {
            LOG.error(
                    "inbound buffer full ({} messages); refusing inbound messages until it has drained, then the"
                            + " channel offers them again",
                    capacity);
        }
        LOG.debug(
                "inbound message {} refused",
                pseudonyms.message(message.envelope().messageId()));
        return false;
    }

    void start() {
        thread.start();
    }

    boolean alive(Instant now) {
        return thread.isAlive() || stop.getCount() == 0;
    }

    /** Readiness of the inbound side: failing while publishing (or storing media) keeps failing. */
    ReadinessCheck.Result publishing() {
        int n = failuresInARow.get();
        return n == 0
                ? ReadinessCheck.Result.passing("publishing")
                : ReadinessCheck.Result.failing(n + " failure(s) in a row, last " + lastFailure);
    }

    private void run() {
        while (stop.getCount() > 0 || (!queue.isEmpty() && !pastGrace())) {
            try {
                InboundMessage m = queue.poll(200, TimeUnit.MILLISECONDS);
                if (m == null || forward(m)) {
                    resumeWhenDrained();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("inbound message not forwarded: {}", e.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * After refusing messages: once everything buffered was published (so the queue accepts again), take messages
     * again and have the channel offer the refused ones.
     */
    private void resumeWhenDrained() {
        if (refusing.get() && queue.isEmpty() && stop.getCount() > 0) {
            refusing.set(false);
            LOG.warn(
                    "inbound buffer drained after refusing {} message(s); the channel offers them again",
                    refused.getAndSet(0));
            channel.inboundResumed();
        }
    }

    /** Publishes one message; false when it was given up (stopping, past the grace period). */
    boolean forward(InboundMessage m) throws InterruptedException {
        Envelope e = m.envelope();
        MediaDownload download = m.media();
        if (download != null) {
            e = Envelopes.withMedia(e, store(e, download));
        }
        Envelope finalEnvelope = e;
        if (!retry("publish", () -> publisher.publish(finalEnvelope))) {
            return false;
        }
        channel.delivered(finalEnvelope);
        LOG.info(
                "published inbound {} message {} in chat {}",
                e.type(),
                pseudonyms.message(e.messageId()),
                pseudonyms.chat(e.chatId()));
        return true;
    }

    private Media store(Envelope e, MediaDownload d) throws InterruptedException {
        String mime = d.mimeType();
        if (d.declaredSize() > maxBytes) {
            return Media.notStored(Media.Status.TOO_LARGE, mime, d.declaredSize(), d.fileName());
        }
        byte[] bytes = null;
        for (int attempt = 1; bytes == null; attempt++) {
            try {
                bytes = d.fetch(maxBytes);
            } catch (MediaTooLargeException tooLarge) {
                return Media.notStored(Media.Status.TOO_LARGE, mime, tooLarge.size(), d.fileName());
            } catch (ChannelException ce) {
                if (!ce.retryable() || attempt >= FETCH_ATTEMPTS) {
                    LOG.warn("media of message {} unavailable: {}", pseudonyms.message(e.messageId()), ce.code());
                    return Media.notStored(Media.Status.UNAVAILABLE, mime, d.declaredSize(), d.fileName());
                }
                pause(backoff(attempt));
            }
        }
        if (bytes.length > maxBytes) {
            return Media.notStored(Media.Status.TOO_LARGE, mime, bytes.length, d.fileName());
        }
        String key = MediaKeys.inbound(clock.instant(), mime);
        byte[] content = bytes;
        if (!retry("store media", () -> media.put(key, content, mime))) {
            return Media.notStored(Media.Status.UNAVAILABLE, mime, bytes.length, d.fileName());
        }
        return Media.stored(key, mime, bytes.length, d.fileName(), sha256(bytes));
    }

    /** Runs until it succeeds; false only when stopping and the grace period is over. */
    private boolean retry(String what, Runnable action) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                failuresInARow.set(0);
                return true;
            } catch (RuntimeException ex) {
                failuresInARow.incrementAndGet();
                lastFailure = what + ": " + ex.getClass().getSimpleName();
                if (pastGrace()) {
                    LOG.error("{} failed while stopping; the message is picked up again after restart", what);
                    return false;
                }
                LOG.warn(
                        "{} failed (attempt {}): {}; retrying",
                        what,
                        attempt,
                        ex.getClass().getSimpleName());
                pause(backoff(attempt));
            }
        }
    }

    private static Duration backoff(int attempt) {
        long ms = BACKOFF_MIN.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(ms, BACKOFF_MAX.toMillis()));
    }

    private void pause(Duration d) throws InterruptedException {
        Instant until = giveUpAt;
        long ms = d.toMillis();
        if (until != null) {
            ms = Math.min(ms, Math.max(0, Duration.between(Instant.now(), until).toMillis()));
        }
        Thread.sleep(ms);
    }

    private boolean pastGrace() {
        Instant until = giveUpAt;
        return until != null && !Instant.now().isBefore(until);
    }

    /** Stops taking new work, publishes what is buffered until {@code deadline}, then stops the thread. */
    void close(Deadline deadline) {
        giveUpAt = Instant.now().plus(deadline.remaining());
        stop.countDown();
        try {
            thread.join(Math.max(1, deadline.remaining().toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_AFTER_INTERRUPT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warn("{} inbound messages not published before shutdown; picked up again after restart", queue.size());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
