package org.wassist.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wassist.access.AccessPolicy;
import org.wassist.access.Whitelist;
import org.wassist.command.ChatSettings;
import org.wassist.command.Prefixes;

/**
 * Builds {@link AppConfig} from environment variables. Invalid values are all reported together in one
 * {@link ConfigException}; a missing model key is not an error here (the local run starts without one and says what
 * is missing) but is reported by {@link AppConfig.Model#missing()}.
 */
public final class ConfigLoader {
    /** Settings the infrastructure passes to processes; read as plain strings. */
    static final List<String> INFRA = List.of(
            "INBOUND_QUEUE_URL",
            "OUTBOUND_QUEUE_URL",
            "IDEMPOTENCY_TABLE",
            "MEDIA_BUCKET",
            "DB_CLUSTER_ARN",
            "DB_SECRET_ARN",
            "DB_NAME",
            "AWS_REGION",
            "APP_SECRET_ARN",
            "INBOUND_MAX_RECEIVES");

    private ConfigLoader() {}

    public static AppConfig fromEnvironment(Profile profile) {
        return load(System.getenv(), profile);
    }

    public static AppConfig load(Map<String, String> env, Profile profile) {
        EnvReader r = new EnvReader(env);
        AppConfig.Model model = model(r);
        Prefixes prefixes = prefixes(r);
        ChatSettings chat = chat(r);
        AccessPolicy access = access(r);
        AppConfig.Memory memory = new AppConfig.Memory(r.integer("MEMORY_MAX_TOKENS", 3000, 64, 1_000_000));
        AppConfig.Idempotency idem = idempotency(r);
        Secret pseudonymKey = pseudonymKey(r);
        AppConfig.Infra infra = infra(r, profile);
        AppConfig.AwsTimeouts aws = awsTimeouts(r);
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new AppConfig(model, prefixes, chat, access, memory, idem, pseudonymKey, infra, aws);
    }

    /**
     * Only the AWS SDK call bounds, for processes that build their SDK clients before (or without) the rest of the
     * configuration; the same variables and rules as in {@link #load}.
     *
     * @throws ConfigException listing every invalid one
     */
    public static AppConfig.AwsTimeouts awsTimeouts(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        AppConfig.AwsTimeouts timeouts = awsTimeouts(r);
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return timeouts;
    }

    private static Prefixes prefixes(EnvReader r) {
        Prefixes prefixes = new Prefixes(
                r.string("GPT_PREFIX", "!gpt"),
                r.string("RESET_PREFIX", "!reset"),
                r.string("HELP_PREFIX", "!help"),
                r.bool("PREFIX_ENABLED", true),
                r.bool("PREFIX_SKIPPED_FOR_ME", true));
        checkPrefixes(r, prefixes);
        return prefixes;
    }

    private static ChatSettings chat(EnvReader r) {
        return new ChatSettings(
                r.text("PRE_PROMPT", "").strip(),
                r.integer("MAX_MODEL_TOKENS", 2000, 16, 128_000),
                r.integer("MEMORY_MAX_TURNS", 40, 0, 1000),
                r.integer("REPLY_MAX_CHARS", 4000, 500, 65_000),
                r.integer("MEDIA_MAX_MB", 20, 1, 100));
    }

    private static AppConfig.Idempotency idempotency(EnvReader r) {
        return new AppConfig.Idempotency(
                Duration.ofSeconds(r.integer("IDEMPOTENCY_LEASE_SECONDS", 120, 5, 43_200)),
                Duration.ofHours(r.integer("IDEMPOTENCY_KEEP_HOURS", 168, 1, 24 * 90)));
    }

    private static AppConfig.AwsTimeouts awsTimeouts(EnvReader r) {
        AppConfig.AwsTimeouts d = AppConfig.AwsTimeouts.DEFAULTS;
        Duration call = seconds(r, "AWS_CALL_TIMEOUT_SECONDS", d.call(), 1, 900);
        Duration attempt = seconds(r, "AWS_ATTEMPT_TIMEOUT_SECONDS", d.attempt(), 1, 900);
        if (attempt.compareTo(call) > 0) {
            r.problem("AWS_ATTEMPT_TIMEOUT_SECONDS must not exceed AWS_CALL_TIMEOUT_SECONDS");
        }
        return new AppConfig.AwsTimeouts(
                call,
                attempt,
                seconds(r, "AWS_CONNECT_TIMEOUT_SECONDS", d.connect(), 1, 60),
                // Above SQS's longest long poll (20 s), which sends nothing until it ends.
                seconds(r, "AWS_SOCKET_TIMEOUT_SECONDS", d.socket(), 25, 900));
    }

    private static Duration seconds(EnvReader r, String name, Duration fallback, int min, int max) {
        return Duration.ofSeconds(r.integer(name, (int) fallback.toSeconds(), min, max));
    }

    private static AppConfig.Model model(EnvReader r) {
        List<Secret> keys = new ArrayList<>();
        for (String k : r.list("OPENAI_API_KEYS")) {
            keys.add(new Secret(k));
        }
        if (keys.isEmpty()) {
            Secret single = r.secret("OPENAI_API_KEY");
            if (single != null) {
                keys.add(single);
            }
        }
        return new AppConfig.Model(
                keys,
                r.uri("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                r.string("OPENAI_GPT_MODEL", "gpt-4o-mini"),
                Duration.ofSeconds(r.integer("OPENAI_TIMEOUT_SECONDS", 30, 1, 600)),
                r.integer("OPENAI_MAX_RETRIES", 2, 0, 10),
                Duration.ofSeconds(r.integer("OPENAI_KEY_COOLDOWN_SECONDS", 60, 1, 86_400)));
    }

    private static void checkPrefixes(EnvReader r, Prefixes p) {
        Set<String> distinct = new LinkedHashSet<>(List.of(
                p.chat().toLowerCase(java.util.Locale.ROOT),
                p.reset().toLowerCase(java.util.Locale.ROOT),
                p.help().toLowerCase(java.util.Locale.ROOT)));
        if (distinct.size() < 3) {
            r.problem("GPT_PREFIX, RESET_PREFIX and HELP_PREFIX must all differ");
        }
        for (String prefix : distinct) {
            if (prefix.chars().anyMatch(Character::isWhitespace)) {
                r.problem("command prefixes must not contain spaces");
            }
        }
    }

    private static AccessPolicy access(EnvReader r) {
        List<String> listed = r.list("WHITELISTED_PHONE_NUMBERS");
        for (String entry : listed) {
            if (Whitelist.normalise(entry) == null) {
                r.problem("WHITELISTED_PHONE_NUMBERS has an entry that is neither a phone number nor a WhatsApp id");
            }
        }
        Set<String> owners = new LinkedHashSet<>();
        for (String entry : r.list("OWNER_PHONE_NUMBERS")) {
            String n = Whitelist.normalise(entry);
            if (n == null || n.contains("@")) {
                r.problem("OWNER_PHONE_NUMBERS must hold phone numbers");
            } else {
                owners.add(n);
            }
        }
        return new AccessPolicy(
                r.bool("WHITELISTED_ENABLED", false),
                Whitelist.of(listed),
                r.bool("GROUPCHATS_ENABLED", false),
                owners);
    }

    private static @Nullable Secret pseudonymKey(EnvReader r) {
        Secret key = r.secret("LOG_PSEUDONYM_KEY");
        if (key != null && key.reveal().getBytes(StandardCharsets.UTF_8).length < 16) {
            r.problem("LOG_PSEUDONYM_KEY must be at least 16 characters");
        }
        return key;
    }

    private static AppConfig.Infra infra(EnvReader r, Profile profile) {
        Map<String, String> values = new HashMap<>();
        for (String name : INFRA) {
            r.optional(name).ifPresent(v -> values.put(name, v));
        }
        r.integer("INBOUND_MAX_RECEIVES", 5, 1, 1000);
        for (String name : profile.requiredInfra()) {
            if (!values.containsKey(name)) {
                r.problem(name + " is required (set by the deployment; see docs/configuration.md)");
            }
        }
        return new AppConfig.Infra(values);
    }
}
