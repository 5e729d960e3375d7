package org.wassist.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A FIFO queue with its FIFO dead-letter queue. The application sends explicit deduplication ids (the WhatsApp
 * message id), so content-based deduplication is off. Encrypted with SQS-managed keys (no KMS charges) and
 * reachable over TLS only.
 */
public final class FifoQueueWithDlq extends Construct {
    /** Deliveries before a message moves to the DLQ; the router gets it as INBOUND_MAX_RECEIVES. */
    public static final int MAX_RECEIVE_COUNT = 5;
    /** The longest SQS allows, so a poisoned message can be inspected for two weeks. */
    public static final Duration DLQ_RETENTION = Duration.days(14);
    /** SQS's default; long enough to survive a weekend outage of a consumer. */
    public static final Duration RETENTION = Duration.days(4);

    private final Queue queue;
    private final Queue dlq;

    public FifoQueueWithDlq(Construct scope, String id, Duration visibilityTimeout, RemovalPolicy removal) {
        super(scope, id);
        this.dlq = Queue.Builder.create(this, "Dlq")
                .fifo(true)
                .contentBasedDeduplication(false)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(DLQ_RETENTION)
                .removalPolicy(removal)
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                .fifo(true)
                .contentBasedDeduplication(false)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(RETENTION)
                .visibilityTimeout(visibilityTimeout)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(dlq)
                        .maxReceiveCount(MAX_RECEIVE_COUNT)
                        .build())
                .removalPolicy(removal)
                .build();
    }

    public Queue queue() {
        return queue;
    }

    public Queue dlq() {
        return dlq;
    }
}
