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
            "DATABASE_URL",
            "DATABASE_USER",
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
        Prefixes prefixes = new Prefixes(
                r.string("GPT_PREFIX", "!gpt"),
                r.string("RESET_PREFIX", "!reset"),
                r.string("HELP_PREFIX", "!help"),
                r.bool("PREFIX_ENABLED", true),
                r.bool("PREFIX_SKIPPED_FOR_ME", true));
        checkPrefixes(r, prefixes);
        ChatSettings chat = new ChatSettings(
                r.text("PRE_PROMPT", "").strip(),
                r.integer("MAX_MODEL_TOKENS", 2000, 16, 128_000),
                r.integer("MEMORY_MAX_TURNS", 40, 0, 1000),
                r.integer("REPLY_MAX_CHARS", 4000, 500, 65_000),
                r.integer("MEDIA_MAX_MB", 20, 1, 100));
        AccessPolicy access = access(r);
        AppConfig.Memory memory = new AppConfig.Memory(r.integer("MEMORY_MAX_TOKENS", 3000, 64, 1_000_000));
        AppConfig.Idempotency idem = new AppConfig.Idempotency(
                Duration.ofSeconds(r.integer("IDEMPOTENCY_LEASE_SECONDS", 120, 5, 43_200)),
                Duration.ofHours(r.integer("IDEMPOTENCY_KEEP_HOURS", 168, 1, 24 * 90)));
        Secret pseudonymKey = pseudonymKey(r);
        AppConfig.Infra infra = infra(r, profile);
        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new AppConfig(model, prefixes, chat, access, memory, idem, pseudonymKey, infra);
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
