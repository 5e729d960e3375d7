package org.wassist.router;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.wassist.assistant.InboundBatch;
import org.wassist.logging.InvocationLog;

/**
 * Entry point of the router function: an SQS batch from the inbound FIFO queue in, partial batch failures out
 * (the event source mapping has {@code ReportBatchItemFailures}). All work is built by {@link RouterWiring} during
 * INIT; with SnapStart, {@link #beforeCheckpoint} primes the parser and pipeline against no-op ports so the snapshot
 * holds warm classes but nothing unique: no ids, random seeds, clocks, credentials or open connections.
 */
public final class RouterHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final Supplier<InboundBatch> batch;

    public RouterHandler() {
        this(RouterWiring.fromEnvironment()::batch);
        Core.getGlobalContext().register(this);
    }

    /** @param batch the pipeline, built on first use (after a SnapStart restore) */
    RouterHandler(Supplier<InboundBatch> batch) {
        this.batch = batch;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        InvocationLog log = InvocationLog.begin(context.getAwsRequestId());
        try {
            List<String> failed = batch.get().process(items(event));
            return SQSBatchResponse.builder()
                    .withBatchItemFailures(failed.stream()
                            .map(id -> SQSBatchResponse.BatchItemFailure.builder()
                                    .withItemIdentifier(id)
                                    .build())
                            .toList())
                    .build();
        } finally {
            log.close();
        }
    }

    static List<InboundBatch.Item> items(SQSEvent event) {
        return event.getRecords().stream()
                .map(r -> new InboundBatch.Item(r.getMessageId(), r.getBody(), receiveCount(r)))
                .toList();
    }

    private static int receiveCount(SQSEvent.SQSMessage m) {
        String count = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.run();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: secrets and pseudonym keys are resolved on the first invocation after restore.
    }
}
