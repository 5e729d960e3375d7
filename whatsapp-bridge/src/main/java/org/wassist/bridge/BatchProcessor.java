package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;

/**
 * Performs received batches, each in its order, and deletes each command once the channel accepted it.
 *
 * <p>The commands of one chat share a FIFO message group, and a batch may hold several of them. Once a command failed
 * and will be retried, the chat's later commands in the batch are not performed but released at once: a group with a
 * message in flight delivers nothing, so the queue hands them out again only after the failed one, in order. A
 * permanent failure does not hold its chat, since that command is never sent. Commands sent whose delete failed are
 * deleted unsent when they come back. When stopping, or on any exit, what was not started is released at once.
 */
final class BatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
    private static final int REMEMBERED = 5000;

    private final OutboundQueue queue;
    private final CommandSender sender;
    private final SendFailures failures;
    private final Duration visibility;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final BooleanSupplier stopping;
    private final BoundedIds sent = new BoundedIds(REMEMBERED);

    BatchProcessor(
            OutboundQueue queue,
            CommandSender sender,
            SendFailures failures,
            Duration visibility,
            Clock clock,
            Pseudonyms pseudonyms,
            BooleanSupplier stopping) {
        this.queue = queue;
        this.sender = sender;
        this.failures = failures;
        this.visibility = visibility;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.stopping = stopping;
    }

    void run(List<OutboundQueue.Received> batch) throws InterruptedException {
        BatchLease lease = new BatchLease(queue, visibility, batch, clock.instant());
        Set<String> held = new HashSet<>();
        try {
            for (OutboundQueue.Received r : batch) {
                if (stopping.getAsBoolean()) {
                    return;
                }
                String chat = r.command().chatId();
                if (held.contains(chat)) {
                    lease.release(r, Duration.ZERO);
                } else if (!handle(r, lease)) {
                    held.add(chat);
                }
            }
        } finally {
            lease.releaseRest();
        }
    }

    /** False when the command will be retried, so its chat must wait for it. */
    private boolean handle(OutboundQueue.Received r, BatchLease lease) throws InterruptedException {
        String id = r.command().commandId();
        if (sent.contains(id)) {
            ack(r, lease);
            return true;
        }
        if (failures.isPermanent(id)) {
            lease.release(r, Duration.ZERO);
            return true;
        }
        try {
            sender.send(r.command(), lease, () -> {
                sent.add(id);
                ack(r, lease);
            });
        } catch (ChannelException e) {
            return !failures.failed(r, e, lease);
        }
        return true;
    }

    private void ack(OutboundQueue.Received r, BatchLease lease) {
        if (lease.ack(r)) {
            LOG.info(
                    "{} {} delivered to chat {}",
                    r.command().getClass().getSimpleName(),
                    pseudonyms.message(r.command().commandId()),
                    pseudonyms.chat(r.command().chatId()));
        }
    }
}
