package org.wassist.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wassist.access.AccessPolicy;
import org.wassist.command.ChatSettings;
import org.wassist.command.Prefixes;

/**
 * The whole configuration, validated and immutable. Built once at start by {@link ConfigLoader}; docs/configuration.md
 * lists every variable. {@code toString} never shows secrets.
 */
public record AppConfig(
        Model model,
        Prefixes prefixes,
        ChatSettings chat,
        AccessPolicy access,
        Memory memory,
        Idempotency idempotency,
        @Nullable Secret pseudonymKey,
        Infra infra,
        AwsTimeouts awsTimeouts) {

    /**
     * The OpenAI-compatible model endpoint.
     *
     * @param apiKeys the key pool ({@code OPENAI_API_KEYS}, else {@code OPENAI_API_KEY}); empty when not configured
     */
    public record Model(
            List<Secret> apiKeys, URI baseUrl, String name, Duration timeout, int maxRetries, Duration keyCooldown) {
        public Model {
            apiKeys = List.copyOf(apiKeys);
        }

        /** What must still be set before the assistant can answer, as variable names; empty when ready. */
        public List<String> missing() {
            return apiKeys.isEmpty() ? List.of("OPENAI_API_KEY (or OPENAI_API_KEYS)") : List.of();
        }
    }

    /** Conversation memory: the input-token budget per model call (instruction, history and new message). */
    public record Memory(int maxTokens) {}

    /** Idempotency records: how long a processing claim lasts and how long a done message is remembered. */
    public record Idempotency(Duration lease, Duration keepFor) {}

    /**
     * Bounds of every AWS SDK call, so that a service that stops answering fails the call instead of holding it.
     *
     * @param call one whole call, retries included ({@code AWS_CALL_TIMEOUT_SECONDS})
     * @param attempt one HTTP attempt ({@code AWS_ATTEMPT_TIMEOUT_SECONDS}); a long poll gets its wait on top
     * @param connect opening a connection ({@code AWS_CONNECT_TIMEOUT_SECONDS})
     * @param socket the longest silence while reading an answer ({@code AWS_SOCKET_TIMEOUT_SECONDS}); longer than
     *     a 20 s long poll
     */
    public record AwsTimeouts(Duration call, Duration attempt, Duration connect, Duration socket) {
        public static final AwsTimeouts DEFAULTS = new AwsTimeouts(
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** Names of the queues, tables, bucket and database; which are required depends on the {@link Profile}. */
    public record Infra(Map<String, String> values) {
        public Infra {
            values = Map.copyOf(values);
        }

        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        /** A setting the profile required; present whenever loading succeeded. */
        public String require(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalStateException(name + " was not loaded; add it to the profile's required settings");
            }
            return v;
        }
    }
}
