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
    /** The bridge deletes an outbound message right after sending it; 30 s covers a slow send with pacing. */
    public static final Duration OUTBOUND_VISIBILITY = Duration.seconds(30);

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
