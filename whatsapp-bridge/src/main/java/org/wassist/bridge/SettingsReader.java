package org.wassist.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wassist.config.ConfigException;
import org.wassist.config.Secret;

/**
 * Reads typed settings from environment variables and collects every problem, so one start-up error names all of
 * them. Messages name the variable and the expectation, never the value (it may be secret).
 */
public final class SettingsReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    static BridgeSettings bridge(Map<String, String> env) {
        SettingsReader r = new SettingsReader(env);
        BridgeSettings d = BridgeSettings.defaults();
        BridgeSettings.Pacing pacing = pacing(r, d.pacing());
        BridgeSettings.Outbound outbound = outbound(r, d.outbound());
        BridgeSettings s = new BridgeSettings(
                r.integer("PORT", d.port(), 0, 65_535),
                // MEDIA_MAX_MB is shared with the router, which quotes the limit to users (error E203).
                MB * r.integer("MEDIA_MAX_MB", (int) (d.mediaMaxBytes() / MB), 1, 100),
                pacing,
                outbound,
                r.path("BRIDGE_TEMP_DIR", d.tempRoot()),
                r.secret("QR_PAGE_TOKEN", 16),
                r.millis("READINESS_TIMEOUT_MS", d.readinessTimeout(), 60_000),
                r.seconds("SHUTDOWN_GRACE_SECONDS", d.shutdownGrace(), 600),
                r.seconds("METRICS_INTERVAL_SECONDS", d.metricsInterval(), 3600),
                r.integer("INBOUND_BUFFER", d.inboundBuffer(), 1, 100_000));
        r.failOnProblems();
        return s;
    }

    private static BridgeSettings.Pacing pacing(SettingsReader r, BridgeSettings.Pacing p) {
        return new BridgeSettings.Pacing(
                r.millis("PACING_GLOBAL_MS", p.globalInterval(), 60_000),
                r.millis("PACING_CHAT_MS", p.chatInterval(), 600_000),
                r.millis("PACING_JITTER_MS", p.jitter(), 60_000),
                r.millis("TYPING_MS_PER_CHAR", p.typingPerChar(), 1000),
                r.millis("TYPING_MIN_MS", p.typingMin(), 30_000),
                r.millis("TYPING_MAX_MS", p.typingMax(), 30_000),
                r.seconds("RECONNECT_QUIET_SECONDS", p.reconnectQuiet(), 3600),
                r.seconds("RECONNECT_WARMUP_SECONDS", p.reconnectWarmup(), 3600));
    }

    private static BridgeSettings.Outbound outbound(SettingsReader r, BridgeSettings.Outbound o) {
        return new BridgeSettings.Outbound(
                r.integer("OUTBOUND_BATCH_SIZE", o.batchSize(), 1, 10),
                r.seconds("OUTBOUND_WAIT_SECONDS", o.longPoll(), 20),
                r.seconds("SEND_RETRY_BASE_SECONDS", o.retryBase(), 3600),
                r.seconds("SEND_RETRY_MAX_SECONDS", o.retryMax(), 43_200),
                r.seconds("SEND_TIMEOUT_SECONDS", o.sendTimeout(), 600),
                r.seconds("OUTBOUND_VISIBILITY_SECONDS", o.visibility(), 10, 43_200));
    }

    /** Throws one {@link ConfigException} listing every problem seen so far, if any. */
    public void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    public void problem(String text) {
        problems.add(text);
    }

    public Optional<String> optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + " must be true or false");
                yield fallback;
            }
        };
    }

    /** A boolean that may be left unset: null means "decide automatically". */
    public @Nullable Boolean tristate(String name) {
        return optional(name).isEmpty() ? null : bool(name, false);
    }

    private static final long MB = 1024L * 1024;

    public int integer(String name, int fallback, int min, int max) {
        return (int) longValue(name, fallback, min, max);
    }

    public long longValue(String name, long fallback, long min, long max) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long i = Long.parseLong(v.get());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number between " + min + " and " + max);
        return fallback;
    }

    public Duration millis(String name, Duration fallback, long max) {
        return Duration.ofMillis(longValue(name, fallback.toMillis(), 0, max));
    }

    public Duration seconds(String name, Duration fallback, long max) {
        return seconds(name, fallback, 0, max);
    }

    public Duration seconds(String name, Duration fallback, long min, long max) {
        return Duration.ofSeconds(longValue(name, fallback.toSeconds(), min, max));
    }

    public Path path(String name, Path fallback) {
        return optional(name).map(Path::of).orElse(fallback);
    }

    public @Nullable Path optionalPath(String name) {
        return optional(name).map(Path::of).orElse(null);
    }

    /** A secret of at least {@code minLength} characters, or null when unset. */
    public @Nullable Secret secret(String name, int minLength) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return null;
        }
        if (v.get().length() < minLength) {
            problems.add(name + " must be at least " + minLength + " characters");
            return null;
        }
        return new Secret(v.get());
    }
}
