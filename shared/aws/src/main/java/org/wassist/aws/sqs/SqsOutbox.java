package org.wassist.aws.sqs;

import org.wassist.aws.AwsFailures;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends outbound commands to the outbound FIFO queue: the message group is the chat (one chat's replies stay in
 * order), the deduplication id the SHA-256 of the command id (a reprocessed message's repeated commands are dropped
 * within SQS's five-minute deduplication window).
 */
public final class SqsOutbox implements Outbox {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOutbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(OutboundCommand command) {
        String body = QueueBodies.checked(MessageCodec.encode(command), "outbound command");
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl)
                    .messageGroupId(command.chatId())
                    .messageDeduplicationId(DedupIds.of(command.commandId()))
                    .messageBody(body));
        } catch (SdkException e) {
            throw AwsFailures.map("SQS SendMessage to the outbound queue", e);
        }
    }
}
