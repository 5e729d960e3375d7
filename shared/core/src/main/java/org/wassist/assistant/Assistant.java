package org.wassist.assistant;

import java.time.Clock;
import java.util.List;
import org.wassist.access.Authorize;
import org.wassist.command.Route;
import org.wassist.config.AppConfig;
import org.wassist.dedupe.Deduplicate;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.memory.ContextWindow;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.JtokkitTokenCounter;
import org.wassist.memory.TokenCounter;
import org.wassist.message.Envelope;
import org.wassist.model.ChatModel;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.Outbox;
import org.wassist.pipeline.Delivery;
import org.wassist.pipeline.ErrorBoundary;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Observe;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Pipeline;
import org.wassist.pipeline.Replies;

/** The assistant: the message pipeline assembled from configuration and ports, built once per process. */
public final class Assistant {
    private final Pipeline pipeline;
    private final Outbox outbox;
    private final Clock clock;

    /** The ports the pipeline needs; each function's wiring supplies its adapters. */
    public record Ports(
            ProcessedMessages processed,
            ConversationStore conversations,
            ChatModel model,
            Outbox outbox,
            Clock clock) {}

    private Assistant(Pipeline pipeline, Outbox outbox, Clock clock) {
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static Assistant create(AppConfig config, Ports ports, Pseudonyms pseudonyms) {
        return create(
                config,
                ports,
                pseudonyms,
                JtokkitTokenCounter.forModel(config.model().name()));
    }

    public static Assistant create(AppConfig config, Ports ports, Pseudonyms pseudonyms, TokenCounter tokens) {
        ContextWindow window = new ContextWindow(tokens, config.memory().maxTokens());
        Pipeline pipeline = Pipeline.of(
                List.of(
                        new ErrorBoundary(),
                        new Observe(pseudonyms),
                        new Deduplicate(
                                ports.processed(),
                                config.idempotency().lease(),
                                config.idempotency().keepFor()),
                        new Authorize(config.access())),
                new Route(config.prefixes(), config.chat(), ports.conversations(), ports.model(), window));
        return new Assistant(pipeline, ports.outbox(), ports.clock());
    }

    /**
     * Processes one message; throws when it must be redelivered. Every line logged while it runs carries the message's
     * pseudonyms, and none after it returns.
     */
    public Outcome handle(Envelope envelope, Delivery delivery) {
        try {
            return pipeline.run(MessageContext.of(envelope, delivery, new Replies(envelope, outbox), clock));
        } finally {
            Observe.clearLogContext();
        }
    }
}
