package org.wassist.local.esm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.assistant.InboundBatch;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does for the all-local run what Lambda's event source mapping does in AWS: long-polls the inbound FIFO queue with
 * a few workers (like Lambda's concurrent pollers; the queue keeps each chat's messages to one worker at a time),
 * hands each batch to the same {@link InboundBatch} the router function uses, deletes what succeeded and makes
 * failed messages visible again after a backoff. The queue's redrive policy moves repeated failures to the DLQ.
 */
public final class LocalEventSourceMapping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEventSourceMapping.class);
    static final int BATCH_SIZE = 10;
    static final int MAX_BACKOFF_SECONDS = 30;

    private final SqsClient sqs;
    private final String queueUrl;
    private final InboundBatch batch;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration wait;

    public LocalEventSourceMapping(SqsClient sqs, String queueUrl, InboundBatch batch, int workerCount, Duration wait) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.batch = batch;
        this.wait = wait;
        for (int i = 0; i < workerCount; i++) {
            workers.add(Thread.ofPlatform().name("router-" + i).daemon().unstarted(this::loop));
        }
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            workers.forEach(Thread::start);
        }
    }

    private void loop() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("inbound poll failed cause={}", e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    /** Receives and processes one batch; returns how many messages it received. */
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(BATCH_SIZE)
                        .waitTimeSeconds((int) wait.toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        if (messages.isEmpty()) {
            return 0;
        }
        List<InboundBatch.Item> items = messages.stream()
                .map(m -> new InboundBatch.Item(m.messageId(), m.body(), receiveCount(m)))
                .toList();
        Set<String> failed = new HashSet<>(batch.process(items));
        acknowledge(messages, failed);
        return messages.size();
    }

    private void acknowledge(List<Message> messages, Set<String> failed) {
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                int backoff = Math.min(MAX_BACKOFF_SECONDS, 1 << Math.min(receiveCount(m), 5));
                sqs.changeMessageVisibility(r ->
                        r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(backoff));
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(done.size()))
                        .receiptHandle(m.receiptHandle())
                        .build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
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

    private static void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : workers) {
            try {
                t.join(Duration.ofSeconds(wait.toSeconds() + 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
