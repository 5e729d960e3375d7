package org.wassist.assistant;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.memory.JtokkitTokenCounter;
import org.wassist.memory.TokenCounter;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatRequest;
import org.wassist.observability.Pseudonyms;
import org.wassist.pipeline.Delivery;
import org.wassist.pipeline.Outcome;
import org.wassist.testkit.dedupe.InMemoryProcessedMessages;
import org.wassist.testkit.memory.InMemoryConversationStore;
import org.wassist.testkit.model.InMemoryChatModel;
import org.wassist.testkit.outbox.InMemoryOutbox;
import org.wassist.testkit.time.MutableClock;

/**
 * The assistant as the router builds it, configured from environment variables like a deployment, over the testkit
 * fakes and a clock the test moves.
 */
final class Harness {
    static final int MAX_ATTEMPTS = 5;

    /** The real counter for the default model; loading an encoding is slow, so the tests share one. */
    private static final TokenCounter TOKENS = JtokkitTokenCounter.forModel("gpt-4o-mini");

    final MutableClock clock = new MutableClock();
    final InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
    final InMemoryConversationStore memory = new InMemoryConversationStore();
    final InMemoryChatModel model = new InMemoryChatModel();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final Pseudonyms pseudonyms = Pseudonyms.ephemeral();
    final AppConfig config;
    final Assistant assistant;

    private Harness(Map<String, String> env, UnaryOperator<ChatModel> aroundModel) {
        config = ConfigLoader.load(env, Profile.LOCAL);
        assistant = Assistant.create(
                config,
                new Assistant.Ports(processed, memory, aroundModel.apply(model), outbox, clock),
                pseudonyms,
                TOKENS);
    }

    /** The defaults of every setting. */
    static Harness defaults() {
        return configured(Map.of());
    }

    static Harness configured(Map<String, String> env) {
        return new Harness(env, UnaryOperator.identity());
    }

    /** The model the assistant talks to is {@code aroundModel} applied to {@link #model}. */
    static Harness configured(Map<String, String> env, UnaryOperator<ChatModel> aroundModel) {
        return new Harness(env, aroundModel);
    }

    /** The first delivery of {@code envelope}, of {@link #MAX_ATTEMPTS}. */
    Outcome deliver(Envelope envelope) {
        return deliver(envelope, 1);
    }

    Outcome deliver(Envelope envelope, int attempt) {
        return assistant.handle(envelope, new Delivery(attempt, MAX_ATTEMPTS));
    }

    /** Every text sent, repeats included, in order. */
    List<OutboundCommand.SendText> sentTexts() {
        return outbox.sent().stream()
                .filter(OutboundCommand.SendText.class::isInstance)
                .map(OutboundCommand.SendText.class::cast)
                .toList();
    }

    /** The texts the chat received (repeated command ids dropped, as the outbound queue drops them). */
    List<String> chatSees(String chatId) {
        return outbox.textsTo(chatId);
    }

    List<ChatRequest> modelRequests() {
        return model.requests();
    }
}
