package org.wassist.assistant;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import org.wassist.pipeline.Delivery;

/**
 * Runs a batch of queue messages through the assistant and reports which must be redelivered. On a FIFO queue,
 * after the first failure the rest of the batch is reported failed too, unprocessed, so a chat's order is kept
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). Bodies that are not envelopes
 * are logged and dropped: redelivering them cannot help.
 */
public final class InboundBatch {
    private static final Logger LOG = LoggerFactory.getLogger(InboundBatch.class);

    /** One queue message: the queue's id for it, its body and how often it has been delivered. */
    public record Item(String queueMessageId, String body, int attempt) {}

    private final Assistant assistant;
    private final int maxAttempts;

    public InboundBatch(Assistant assistant, int maxAttempts) {
        this.assistant = assistant;
        this.maxAttempts = maxAttempts;
    }

    /** Returns the queue message ids to report as failed. */
    public List<String> process(List<Item> items) {
        List<String> failed = new ArrayList<>();
        for (Item item : items) {
            if (!failed.isEmpty()) {
                failed.add(item.queueMessageId());
                continue;
            }
            if (!processOne(item)) {
                failed.add(item.queueMessageId());
            }
        }
        if (!failed.isEmpty()) {
            // One line per batch, tying the failed message to its SQS id; the message's own lines carry its pseudonyms.
            LOG.info(
                    "batch left for redelivery queueMessageId={} messages={} of={}",
                    failed.getFirst(),
                    failed.size(),
                    items.size());
        }
        return failed;
    }

    private boolean processOne(Item item) {
        Envelope envelope;
        try {
            envelope = MessageCodec.decodeEnvelope(item.body());
        } catch (MessageCodec.MalformedMessageException e) {
            LOG.error(
                    "dropping malformed queue message queueMessageId={} reason={}",
                    item.queueMessageId(),
                    e.getMessage());
            return true;
        }
        try {
            assistant.handle(envelope, new Delivery(item.attempt(), Math.max(maxAttempts, item.attempt())));
            return true;
        } catch (RuntimeException e) {
            // Already logged inside the pipeline, with the message's pseudonyms: its outcome line
            // (decision=redeliver) and the error boundary's line with the cause.
            return false;
        }
    }
}
