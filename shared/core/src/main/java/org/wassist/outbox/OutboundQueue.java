package org.wassist.outbox;

import java.time.Duration;
import java.util.List;
import org.wassist.message.OutboundCommand;

/**
 * The consumer side of the outbound queue, used by the bridge. A received command stays invisible while it is being
 * sent; {@link #ack} deletes it only after the channel accepted the send; a command neither acked nor released
 * reappears after the visibility timeout, and after the queue's maximum receives it moves to the dead-letter queue.
 */
public interface OutboundQueue {
    /** Waits up to {@code wait} for commands; returns at most {@code max}, possibly none. */
    List<Received> receive(int max, Duration wait);

    /** The command was delivered: delete it. */
    void ack(Received received);

    /** The send failed: make the command visible again after {@code delay} (a retry with backoff). */
    void retryLater(Received received, Duration delay);

    /**
     * The command is still waiting its turn: keep it invisible for {@code duration} from now, so that it is not
     * received again meanwhile. The same queue operation as {@link #retryLater} (SQS ChangeMessageVisibility).
     */
    default void extend(Received received, Duration duration) {
        retryLater(received, duration);
    }

    /** A received command, how often it was received, and the queue's handle to acknowledge it. */
    record Received(OutboundCommand command, int receiveCount, String receiptHandle) {}
}
