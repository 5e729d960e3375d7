package org.wassist.aws.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.aws.AwsFailures;
import org.wassist.message.MessageCodec;
import org.wassist.outbox.OutboundQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The bridge's side of the outbound FIFO queue: long-poll receive, ack = DeleteMessage, retry = ChangeMessageVisibility.
 *
 * <p>A body that is not a valid command never becomes one, so it is never handed to the caller (the port's {@link
 * Received} carries a decoded command). The {@link Malformed} policy chosen by the caller decides its fate, and each
 * one is logged at WARN with the SQS message id and receive count only, never the body.
 */
public final class SqsOutboundQueue implements OutboundQueue {
    /** SQS limits: at most 10 messages per receive, at most 20 s of long polling, visibility up to 12 hours. */
    public static final int MAX_BATCH = 10;

    public static final Duration MAX_WAIT = Duration.ofSeconds(20);
    public static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private static final Logger LOG = LoggerFactory.getLogger(SqsOutboundQueue.class);

    /** What to do with an undecodable body. */
    public enum Malformed {
        /**
         * Make it visible again at once without handing it out: it is received again until the queue's redrive policy
         * moves it to the dead-letter queue (after its maximum receives), where the DLQ alarm fires and an operator
         * can read it. Its chat is held for those few receives. The default.
         */
        DEAD_LETTER,
        /** Delete it: it is lost, only the WARN log line remains. */
        DELETE
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final Malformed malformed;

    public SqsOutboundQueue(SqsClient sqs, String queueUrl, Malformed malformed) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.malformed = malformed;
    }

    public SqsOutboundQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Malformed.DEAD_LETTER);
    }

    @Override
    public List<Received> receive(int max, Duration wait) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        List<Message> messages =
                poll(Math.min(max, MAX_BATCH), (int) Math.clamp(wait.toSeconds(), 0, MAX_WAIT.toSeconds()));
        List<Received> received = new ArrayList<>(messages.size());
        for (Message m : messages) {
            int count = receiveCount(m);
            try {
                received.add(new Received(MessageCodec.decodeCommand(m.body()), count, m.receiptHandle()));
            } catch (MessageCodec.MalformedMessageException e) {
                setAside(m, count);
            }
        }
        return received;
    }

    /** One long poll, whose wait is added to the client's call bounds so that they never cut it. */
    private List<Message> poll(int batch, int waitSeconds) {
        try {
            return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                            .maxNumberOfMessages(batch)
                            .waitTimeSeconds(waitSeconds)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                            .overrideConfiguration(LongPoll.bounds(sqs, Duration.ofSeconds(waitSeconds))))
                    .messages();
        } catch (SdkException e) {
            throw AwsFailures.map("SQS ReceiveMessage from the outbound queue", e);
        }
    }

    @Override
    public void ack(Received received) {
        delete(received.receiptHandle());
    }

    @Override
    public void retryLater(Received received, Duration delay) {
        changeVisibility(received.receiptHandle(), delay);
    }

    private void setAside(Message m, int count) {
        LOG.warn(
                "undecodable outbound message sqsMessageId={} receiveCount={} action={}",
                m.messageId(),
                count,
                malformed);
        switch (malformed) {
            case DEAD_LETTER -> changeVisibility(m.receiptHandle(), Duration.ZERO);
            case DELETE -> delete(m.receiptHandle());
        }
    }

    private void delete(String receiptHandle) {
        try {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle));
        } catch (SdkException e) {
            throw AwsFailures.map("SQS DeleteMessage on the outbound queue", e);
        }
    }

    private void changeVisibility(String receiptHandle, Duration delay) {
        int seconds = (int) Math.clamp(delay.toSeconds(), 0, MAX_VISIBILITY.toSeconds());
        try {
            sqs.changeMessageVisibility(
                    b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (SdkException e) {
            throw AwsFailures.map("SQS ChangeMessageVisibility on the outbound queue", e);
        }
    }

    private static int receiveCount(Message m) {
        String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
