package org.wassist.infra.stacks;

import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.constructs.FifoQueueWithDlq;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The two FIFO queues between the bridge and the functions, each with a FIFO dead-letter queue. Message groups are
 * chats, so each conversation stays in order while chats run in parallel.
 */
public final class MessagingStack extends Stack {
    /**
     * Lambda's advice for SQS event sources: visibility at least six times the function timeout, so a batch that is
     * retried after throttling is not redelivered while still being processed.
     */
    public static final int VISIBILITY_PER_ROUTER_TIMEOUT = 6;
    /**
     * The bridge deletes an outbound message right after sending it. 120 s is above the bridge's send timeout (90 s)
     * plus its margin, so a batch whose first send starts within 25 s of the receive needs no ChangeMessageVisibility
     * before it: no extra queue call in the path of a normal reply. A crashed bridge's commands come back after at
     * most that long, about the time a replacement task needs to start.
     */
    public static final Duration OUTBOUND_VISIBILITY = Duration.minutes(2);

    private final FifoQueueWithDlq inbound;
    private final FifoQueueWithDlq outbound;

    public MessagingStack(Construct scope, String id, StackProps props, InfraConfig config) {
        super(scope, id, props);
        Duration inboundVisibility =
                Duration.seconds(VISIBILITY_PER_ROUTER_TIMEOUT * config.router().timeoutSeconds());
        this.inbound = new FifoQueueWithDlq(
                this, "Inbound", inboundVisibility, config.removal().rebuildable());
        this.outbound = new FifoQueueWithDlq(
                this, "Outbound", OUTBOUND_VISIBILITY, config.removal().rebuildable());
    }

    public Queue inbound() {
        return inbound.queue();
    }

    public Queue inboundDlq() {
        return inbound.dlq();
    }

    public Queue outbound() {
        return outbound.queue();
    }

    public Queue outboundDlq() {
        return outbound.dlq();
    }
}
