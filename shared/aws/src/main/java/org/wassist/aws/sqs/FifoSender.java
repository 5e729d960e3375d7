package org.wassist.aws.sqs;

import org.wassist.aws.AwsFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends one body to a FIFO queue: grouped by chat so a chat stays in order, deduplicated on the SHA-256 of a key so a
 * repeat within SQS's five-minute window is dropped. Bodies over the queue's size limit fail before any call.
 */
final class FifoSender {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueName;

    /** @param queueName how errors name the queue, e.g. "outbound" */
    FifoSender(SqsClient sqs, String queueUrl, String queueName) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueName = queueName;
    }

    void send(String chatId, String dedupKey, String body, String what) {
        String checked = QueueBodies.checked(body, what);
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl)
                    .messageGroupId(chatId)
                    .messageDeduplicationId(DedupIds.of(dedupKey))
                    .messageBody(checked));
        } catch (SdkException e) {
            throw AwsFailures.map("SQS SendMessage to the " + queueName + " queue", e);
        }
    }
}
