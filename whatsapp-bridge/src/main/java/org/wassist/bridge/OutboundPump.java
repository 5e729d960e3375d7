package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.media.MediaStore;
import org.wassist.message.OutboundCommand;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;

/**
 * Consumes the outbound queue on its own thread: long-polls only while the channel is ready (a disconnected session
 * does not burn receive counts), paces each send, shows typing before text, performs the command and deletes it only
 * after the channel accepted it. A retryable failure makes the command visible again after an exponential backoff; a
 * permanent one is not attempted again and is released at once, so the queue's redrive policy moves it to the
 * dead-letter queue after its maximum receives. Commands already sent whose delete failed are deleted without
 * sending again when they come back.
 */
final class OutboundPump {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundPump.class);
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration EMPTY_PAUSE = Duration.ofMillis(100);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(5);
    private static final int REMEMBERED = 5000;

    /** What the pump thread is doing; a stop interrupts it unless it is sending. */
    private enum Phase {
        IDLE,
        SENDING
    }

    private final Channel channel;
    private final OutboundQueue queue;
    private final MediaStore media;
    private final BridgeSettings.Outbound settings;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final Sleeper sleeper;
    private final Pacer pacer;
    private final Set<String> sent = bounded();
    private final Set<String> permanent = bounded();
    private final Thread thread;
    private final Object phaseLock = new Object();
    private Phase phase = Phase.IDLE;
    private volatile boolean stopping;
    private boolean wasReady;

    OutboundPump(
            Channel channel,
            OutboundQueue queue,
            MediaStore media,
            BridgeSettings settings,
            Clock clock,
            Pseudonyms pseudonyms,
            Sleeper sleeper) {
        this.channel = channel;
        this.queue = queue;
        this.media = media;
        this.settings = settings.outbound();
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.sleeper = sleeper;
        this.pacer = new Pacer(settings.pacing(), RandomGenerator.getDefault());
        this.thread = new Thread(this::run, "bridge-outbound");
    }

    void start() {
        thread.start();
    }

    boolean alive(Instant now) {
        return thread.isAlive() || stopping;
    }

    private void run() {
        while (!stopping) {
            try {
                cycle();
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                LOG.warn("outbound pump interrupted while running; continuing");
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.error("outbound queue error: {}", e.getClass().getSimpleName(), e);
                try {
                    sleeper.sleep(ERROR_PAUSE);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void cycle() throws InterruptedException {
        boolean ready = channel.status().ready();
        if (ready && !wasReady) {
            pacer.connected(clock.instant());
        }
        wasReady = ready;
        if (!ready) {
            sleeper.sleep(IDLE);
            return;
        }
        List<OutboundQueue.Received> batch = queue.receive(settings.batchSize(), settings.longPoll());
        if (batch.isEmpty()) {
            // After a long poll that found nothing; also keeps a non-blocking queue from spinning.
            sleeper.sleep(EMPTY_PAUSE);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (stopping) {
                batch.subList(i, batch.size()).forEach(r -> release(r, Duration.ZERO));
                return;
            }
            handle(batch.get(i));
        }
    }

    private void handle(OutboundQueue.Received r) throws InterruptedException {
        OutboundCommand cmd = r.command();
        String id = cmd.commandId();
        if (sent.contains(id)) {
            ack(r);
            return;
        }
        if (permanent.contains(id)) {
            release(r, Duration.ZERO);
            return;
        }
        MediaStore.StoredMedia stored;
        try {
            stored = mediaFor(cmd);
        } catch (ChannelException e) {
            fail(r, e);
            return;
        }
        try {
            pace(cmd);
        } catch (InterruptedException e) {
            release(r, Duration.ZERO);
            throw e;
        }
        if (cmd instanceof OutboundCommand.SendText text && pacer.typingEnabled()) {
            typeFirst(text);
        }
        try {
            send(cmd, stored);
        } catch (ChannelException e) {
            fail(r, e);
            return;
        }
        sent.add(id);
        ack(r);
    }

    private void pace(OutboundCommand cmd) throws InterruptedException {
        if (cmd instanceof OutboundCommand.SetPresence) {
            return;
        }
        Duration wait = pacer.delay(cmd.chatId(), clock.instant());
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private void typeFirst(OutboundCommand.SendText text) throws InterruptedException {
        OutboundCommand.SetPresence typing = new OutboundCommand.SetPresence(
                text.commandId() + ":typing", text.chatId(), OutboundCommand.Presence.TYPING);
        try {
            send(typing, null);
        } catch (ChannelException e) {
            LOG.info("typing state not shown: {}", e.getMessage());
            return;
        }
        sleeper.sleep(pacer.typing(text.text()));
    }

    private void send(OutboundCommand cmd, MediaStore.@Nullable StoredMedia stored)
            throws ChannelException, InterruptedException {
        synchronized (phaseLock) {
            if (stopping) {
                throw new InterruptedException("stopping");
            }
            Thread.interrupted();
            phase = Phase.SENDING;
        }
        try {
            channel.perform(cmd, stored);
        } finally {
            synchronized (phaseLock) {
                phase = Phase.IDLE;
            }
        }
        if (!(cmd instanceof OutboundCommand.SetPresence)) {
            pacer.sent(cmd.chatId(), clock.instant());
        }
    }

    private MediaStore.@Nullable StoredMedia mediaFor(OutboundCommand cmd) throws ChannelException {
        String key = switch (cmd) {
            case OutboundCommand.SendImage c -> c.storageKey();
            case OutboundCommand.SendVoiceNote c -> c.storageKey();
            case OutboundCommand.SendDocument c -> c.storageKey();
            case OutboundCommand.SendText c -> null;
            case OutboundCommand.SendReaction c -> null;
            case OutboundCommand.SetPresence c -> null;
        };
        if (key == null) {
            return null;
        }
        try {
            return media.get(key).orElseThrow(() -> new ChannelException("media object not found", false));
        } catch (RuntimeException e) {
            throw new ChannelException(
                    "media store unavailable: " + e.getClass().getSimpleName(), true, e);
        }
    }

    private void fail(OutboundQueue.Received r, ChannelException e) {
        String what = r.command().getClass().getSimpleName() + " "
                + pseudonyms.message(r.command().commandId());
        if (e.retryable()) {
            Duration delay = backoff(r.receiveCount());
            LOG.warn(
                    "{} failed (receive {}): {}; retrying in {} s",
                    what,
                    r.receiveCount(),
                    e.getMessage(),
                    delay.toSeconds());
            release(r, delay);
        } else {
            LOG.error("{} failed permanently: {}; left for the dead-letter queue", what, e.getMessage());
            permanent.add(r.command().commandId());
            release(r, Duration.ZERO);
        }
    }

    Duration backoff(int receiveCount) {
        int shift = Math.min(Math.max(receiveCount, 1) - 1, 20);
        Duration d = settings.retryBase().multipliedBy(1L << shift);
        return d.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : d;
    }

    private void ack(OutboundQueue.Received r) {
        try {
            queue.ack(r);
            LOG.info(
                    "{} {} delivered to chat {}",
                    r.command().getClass().getSimpleName(),
                    pseudonyms.message(r.command().commandId()),
                    pseudonyms.chat(r.command().chatId()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "delete after send failed ({}); the command is deleted unsent when it returns",
                    e.getClass().getSimpleName());
        }
    }

    private void release(OutboundQueue.Received r, Duration delay) {
        try {
            queue.retryLater(r, delay);
        } catch (RuntimeException e) {
            LOG.warn(
                    "cannot release a command ({}); it reappears after its visibility timeout",
                    e.getClass().getSimpleName());
        }
    }

    /** Stops receiving, lets an in-flight send finish (up to {@code grace}) and releases what was not started. */
    void close(Duration grace) {
        synchronized (phaseLock) {
            stopping = true;
            if (phase != Phase.SENDING) {
                thread.interrupt();
            }
        }
        try {
            thread.join(grace.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("outbound pump still busy after {} s; stopping anyway", grace.toSeconds());
        }
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        }));
    }
}
