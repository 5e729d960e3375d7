package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.bridge.channel.MediaDownload;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.inbound.InboundPublisher;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.observability.Pseudonyms;

/**
 * The inbound path after the channel: on its own thread (never the channel's event thread) it has the media stored
 * ({@link InboundMedia}), publishes the envelope, and tells the channel it was delivered. Publishing is retried with
 * backoff until the queue accepts it, so messages of one chat stay in order.
 */
final class InboundForwarder implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(InboundForwarder.class);
    private static final Duration STOP_AFTER_INTERRUPT = Duration.ofMillis(200);

    private final Channel channel;
    private final InboundPublisher publisher;
    private final Pseudonyms pseudonyms;
    private final Retries retries = new Retries();
    private final InboundMedia media;
    private final int capacity;
    private final BlockingQueue<InboundMessage> queue;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();

    InboundForwarder(
            Channel channel,
            InboundPublisher publisher,
            MediaStore media,
            BridgeSettings settings,
            Clock clock,
            Pseudonyms pseudonyms) {
        this.channel = channel;
        this.publisher = publisher;
        this.pseudonyms = pseudonyms;
        this.media = new InboundMedia(media, settings.mediaMaxBytes(), clock, pseudonyms, retries);
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
        return retries.readiness();
    }

    private void run() {
        while (stop.getCount() > 0 || (!queue.isEmpty() && !retries.pastGrace())) {
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
        Envelope published = download == null ? e : e.withMedia(media.store(e, download));
        if (!retries.untilDone("publish", () -> publisher.publish(published))) {
            return false;
        }
        channel.delivered(published);
        LOG.info(
                "published inbound {} message {} in chat {}",
                e.type(),
                pseudonyms.message(e.messageId()),
                pseudonyms.chat(e.chatId()));
        return true;
    }

    /** Stops taking new work, publishes what is buffered until {@code deadline}, then stops the thread. */
    void close(Deadline deadline) {
        retries.giveUpAt(Instant.now().plus(deadline.remaining()));
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
}
