package org.wassist.aws.sqs;

import org.wassist.aws.AwsFailures;
import org.wassist.dedupe.Deduplicate;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publishes envelopes to the inbound FIFO queue: the message group is the chat, the deduplication id the SHA-256 of
 * {@code channel:messageId} (the same key the idempotency guard uses), so a webhook or listener delivering a message
 * twice within five minutes queues it once.
 */
public final class SqsInboundPublisher implements InboundPublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInboundPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(Envelope envelope) {
        String body = QueueBodies.checked(MessageCodec.encode(envelope), "inbound envelope");
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl)
                    .messageGroupId(envelope.chatId())
                    .messageDeduplicationId(DedupIds.of(Deduplicate.keyOf(envelope)))
                    .messageBody(body));
        } catch (SdkException e) {
            throw AwsFailures.map("SQS SendMessage to the inbound queue", e);
        }
    }
}
