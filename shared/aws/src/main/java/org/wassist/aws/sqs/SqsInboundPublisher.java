package org.wassist.aws.sqs;

import org.wassist.dedupe.Deduplicate;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publishes envelopes to the inbound FIFO queue: the message group is the chat, the deduplication id the SHA-256 of
 * {@code channel:messageId} (the same key the idempotency guard uses), so a webhook or listener delivering a message
 * twice within five minutes queues it once.
 */
public final class SqsInboundPublisher implements InboundPublisher {
    private final FifoSender sender;

    public SqsInboundPublisher(SqsClient sqs, String queueUrl) {
        this.sender = new FifoSender(sqs, queueUrl, "inbound");
    }

    @Override
    public void publish(Envelope envelope) {
        sender.send(envelope.chatId(), Deduplicate.keyOf(envelope), MessageCodec.encode(envelope), "inbound envelope");
    }
}
