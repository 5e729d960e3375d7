package org.wassist.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.outbox.OutboundQueue;

/**
 * The receipts of one received batch, until each command is acknowledged or released.
 *
 * <p>A batch paced over minutes outlasts the queue's visibility timeout, and in a FIFO queue a receipt handle expires
 * with it: the command becomes visible again, its delete fails, and it can be received and sent a second time. So
 * before every wait and every send the batch calls {@link #cover} with the step's length. When the commands still
 * waiting would become visible before the step ends (with a margin for the API call), each of them is made invisible
 * for the step plus one visibility timeout (ChangeMessageVisibility). A crashed bridge therefore holds them for at most
 * that long. Not thread-safe: the pump thread only.
 */
final class BatchLease {
    static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(BatchLease.class);

    private final OutboundQueue queue;
    private final Duration visibility;
    private final Map<String, OutboundQueue.Received> pending = new LinkedHashMap<>();
    private Instant until;

    /**
     * @param visibility the queue's visibility timeout (no longer than the queue's own)
     * @param receivedAt when the receive returned; the queue started the timeout a little earlier, hence the margin
     */
    BatchLease(OutboundQueue queue, Duration visibility, List<OutboundQueue.Received> batch, Instant receivedAt) {
        this.queue = queue;
        this.visibility = visibility;
        batch.forEach(r -> pending.put(r.receiptHandle(), r));
        this.until = receivedAt.plus(visibility);
    }

    /** The longest single wait that one {@link #cover} call keeps safe. */
    Duration visibility() {
        return visibility;
    }

    /** Keeps every command still pending invisible for at least {@code step} from {@code now}. */
    void cover(Instant now, Duration step) {
        if (pending.isEmpty() || !until.isBefore(now.plus(step).plus(MARGIN))) {
            return;
        }
        Duration hold = step.plus(visibility);
        for (OutboundQueue.Received r : pending.values()) {
            try {
                queue.extend(r, hold);
            } catch (RuntimeException e) {
                LOG.warn(
                        "cannot extend a waiting command's visibility ({}); it may be received again",
                        e.getClass().getSimpleName());
            }
        }
        until = now.plus(hold);
    }

    /** Deletes a delivered command; false when the delete failed (the caller remembers it as sent). */
    boolean ack(OutboundQueue.Received r) {
        pending.remove(r.receiptHandle());
        try {
            queue.ack(r);
            return true;
        } catch (RuntimeException e) {
            LOG.warn(
                    "delete after send failed ({}); the command is deleted unsent when it returns",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    /** Makes a command visible again after {@code delay}. */
    void release(OutboundQueue.Received r, Duration delay) {
        pending.remove(r.receiptHandle());
        try {
            queue.retryLater(r, delay);
        } catch (RuntimeException e) {
            LOG.warn(
                    "cannot release a command ({}); it reappears after its visibility timeout",
                    e.getClass().getSimpleName());
        }
    }

    /** Releases, at once and in their order, the commands neither acknowledged nor released yet. */
    void releaseRest() {
        for (OutboundQueue.Received r : List.copyOf(pending.values())) {
            release(r, Duration.ZERO);
        }
    }
}
