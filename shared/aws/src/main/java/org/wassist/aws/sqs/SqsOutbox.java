package org.wassist.aws.sqs;

import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends outbound commands to the outbound FIFO queue: the message group is the chat (one chat's replies stay in
 * order), the deduplication id the SHA-256 of the command id (a reprocessed message's repeated commands are dropped
 * within SQS's five-minute deduplication window).
 */
public final class SqsOutbox implements Outbox {
    private final FifoSender sender;

    public SqsOutbox(SqsClient sqs, String queueUrl) {
        this.sender = new FifoSender(sqs, queueUrl, "outbound");
    }

    @Override
    public void send(OutboundCommand command) {
        sender.send(command.chatId(), command.commandId(), MessageCodec.encode(command), "outbound command");
    }
}
