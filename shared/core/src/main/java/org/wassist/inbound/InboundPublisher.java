package org.wassist.inbound;

import org.wassist.message.Envelope;

/**
 * Puts envelopes on the inbound queue: grouped by {@link Envelope#chatId()} so each chat stays in order, and
 * deduplicated on {@code channel + messageId} so a message published twice is queued once (within the queue's
 * deduplication window). Returns once the queue has accepted the message; throws if it has not.
 */
public interface InboundPublisher {
    void publish(Envelope envelope);
}
