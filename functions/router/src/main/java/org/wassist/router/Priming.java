package org.wassist.router;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wassist.assistant.Assistant;
import org.wassist.assistant.InboundBatch;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.memory.TokenCounter;
import org.wassist.memory.Turn;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatReply;
import org.wassist.observability.Pseudonyms;

/**
 * SnapStart priming: runs the sample SQS event through the parser, the envelope codec and the whole pipeline (the
 * production assembly, {@link RouterWiring#assemble}) against in-process ports, so the classes on the hot path
 * (Jackson, the pipeline, the chat handler and context window) are loaded and initialised before the snapshot. The
 * token counter is the function's own, so its tables are shared with the pipeline built after restore. No network, no
 * secret, nothing unique; nothing it creates outlives the call (its pseudonym key is a constant, its clock the system
 * clock, its idempotency and memory ports keep no state).
 */
final class Priming {
    static final String SAMPLE_EVENT = "/events/sqs-inbound-text.json";
    private static final byte[] PSEUDONYM_KEY = "priming-only-key-not-secret".getBytes(StandardCharsets.UTF_8);

    /** What a run did: the queue messages it processed and the commands the pipeline sent (to nowhere). */
    record Result(int messages, List<OutboundCommand> commands) {
        Result {
            commands = List.copyOf(commands);
        }
    }

    private Priming() {}

    /** Runs the sample through the pipeline with the default settings and {@code tokens}. */
    static Result run(TokenCounter tokens) {
        AppConfig config = ConfigLoader.load(Map.of(), Profile.LOCAL);
        List<OutboundCommand> sent = new ArrayList<>();
        Assistant.Ports ports = new Assistant.Ports(
                new NoProcessedMessages(),
                new NoConversations(),
                request -> new ChatReply("primed", "priming", 0, 0),
                command -> sent.add(MessageCodec.decodeCommand(MessageCodec.encode(command))),
                Clock.systemUTC());
        InboundBatch batch = RouterWiring.assemble(config, ports, new Pseudonyms(PSEUDONYM_KEY), tokens);
        List<InboundBatch.Item> items = sampleItems();
        if (!batch.process(items).isEmpty()) {
            throw new IllegalStateException("priming could not process the sample event");
        }
        return new Result(items.size(), sent);
    }

    static List<InboundBatch.Item> sampleItems() {
        try (InputStream in = Priming.class.getResourceAsStream(SAMPLE_EVENT)) {
            if (in == null) {
                throw new IllegalStateException("sample event missing from the jar: " + SAMPLE_EVENT);
            }
            List<InboundBatch.Item> items = new ArrayList<>();
            for (JsonNode r : MessageCodec.mapper().readTree(in).path("Records")) {
                items.add(new InboundBatch.Item(
                        r.path("messageId").asText(), r.path("body").asText(), 1));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class NoProcessedMessages implements ProcessedMessages {
        @Override
        public Claim claim(String key, Instant now, Duration lease) {
            return Claim.ACQUIRED;
        }

        @Override
        public void complete(String key, Instant now, Duration keepFor) {}

        @Override
        public void release(String key) {}
    }

    private static final class NoConversations implements ConversationStore {
        @Override
        public List<Turn> recent(String conversationId, int limit) {
            return List.of();
        }

        @Override
        public Optional<Exchange> find(String conversationId, String sourceMessageId) {
            return Optional.empty();
        }

        @Override
        public boolean append(String conversationId, Exchange exchange) {
            return true;
        }

        @Override
        public int clear(String conversationId) {
            return 0;
        }
    }
}
