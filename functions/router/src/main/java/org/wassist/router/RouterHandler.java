package org.wassist.router;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.assistant.InboundBatch;
import org.wassist.logging.InvocationLog;
import org.wassist.memory.TokenCounter;

/**
 * Entry point of the router function: an SQS batch from the inbound FIFO queue in, partial batch failures out
 * (the event source mapping has {@code ReportBatchItemFailures}). INIT builds {@link RouterWiring}; with SnapStart,
 * {@link #beforeCheckpoint} primes the parser and pipeline against in-process ports so the snapshot holds warm classes
 * but nothing unique: no ids, random seeds, clocks, credentials, secrets or open connections. The pipeline over the real
 * adapters is built by the first invocation (docs/adr/0006-snapstart-priming.md).
 */
public final class RouterHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(RouterHandler.class);

    private final Supplier<InboundBatch> batch;
    private final Runnable warmUp;
    private final Supplier<TokenCounter> tokens;

    /** What Lambda calls: INIT from the environment, and the SnapStart hooks registered. */
    public RouterHandler() {
        this(RouterWiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    private RouterHandler(RouterWiring wiring) {
        this(wiring::batch, wiring::warmUp, wiring::tokens);
    }

    /**
     * Over explicit parts (tests).
     *
     * @param batch the pipeline, asked for on each invocation (the wiring builds it on first use)
     * @param warmUp what to load before a snapshot besides priming
     * @param tokens the token counter priming shares with the pipeline
     */
    RouterHandler(Supplier<InboundBatch> batch, Runnable warmUp, Supplier<TokenCounter> tokens) {
        this.batch = batch;
        this.warmUp = warmUp;
        this.tokens = tokens;
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

    /**
     * Loads the tokenizer and model client, then primes the pipeline over the bundled sample; touches no adapter, so
     * no network, secret or credential.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long start = System.nanoTime();
        warmUp.run();
        Priming.Result primed = Priming.run(tokens.get());
        LOG.info(
                "snapstart priming done messages={} commands={} durationMs={}",
                primed.messages(),
                primed.commands().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Nothing to refresh: the app secret and pseudonym key are read by the first invocation after restore. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        LOG.info("snapstart restore: the pipeline is built by the first invocation");
    }
}
