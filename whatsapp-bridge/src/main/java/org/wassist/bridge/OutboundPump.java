package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.media.MediaStore;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;

/**
 * Consumes the outbound queue on its own thread. It long-polls only while the channel is ready, so a disconnected
 * session does not use up receive counts, and restarts the pacer's quiet period at each (re)connect. Each received
 * batch goes to the {@link BatchProcessor}: pacing, typing, the send, the delete after success, retries with backoff,
 * the chat order after a failure, and the batch's visibility.
 */
final class OutboundPump {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundPump.class);
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration EMPTY_PAUSE = Duration.ofMillis(100);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(5);

    private final Channel channel;
    private final OutboundQueue queue;
    private final BridgeSettings.Outbound settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Pacer pacer;
    private final SendGuard guard = new SendGuard();
    private final BatchProcessor batches;
    private final Thread thread;
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
        this.settings = settings.outbound();
        this.clock = clock;
        this.sleeper = sleeper;
        this.pacer = new Pacer(settings.pacing(), RandomGenerator.getDefault());
        CommandSender sender =
                new CommandSender(channel, media, pacer, clock, sleeper, guard, this.settings.sendTimeout());
        this.batches = new BatchProcessor(
                queue,
                sender,
                new SendFailures(this.settings, pseudonyms),
                this.settings.visibility(),
                clock,
                pseudonyms,
                guard::stopping);
        this.thread = new Thread(this::run, "bridge-outbound");
    }

    void start() {
        thread.start();
    }

    boolean alive(Instant now) {
        return thread.isAlive() || guard.stopping();
    }

    private void run() {
        while (!guard.stopping()) {
            try {
                cycle();
            } catch (InterruptedException e) {
                if (guard.stopping()) {
                    return;
                }
                LOG.warn("outbound pump interrupted while running; continuing");
            } catch (RuntimeException e) {
                if (guard.stopping()) {
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
        batches.run(batch);
    }

    /**
     * Stops receiving, lets an in-flight send finish and be acknowledged, releases what was not started, and waits for
     * all that until {@code deadline} at the latest.
     */
    void close(Deadline deadline) {
        guard.stop(thread);
        try {
            thread.join(Math.max(1, deadline.remaining().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("outbound pump still busy at the shutdown deadline; stopping anyway");
        }
    }
}
