package org.wassist.local;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wassist.bridge.BridgeSettings;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;

/** Settings of the local run's parts that differ from the deployment's, each with its reason. */
final class LocalTuning {
    /**
     * The simulator's outbound long poll. Short, because a graceful stop waits for the poll in flight; the bridge's
     * 20 s default suits WhatsApp, where a stop is rare.
     */
    static final Duration SIMULATOR_OUTBOUND_POLL = Duration.ofSeconds(2);
    /** The simulator's defaults: no pacing, no typing, no quiet period after connecting, a short outbound poll. */
    static final Map<String, String> SIMULATOR_DEFAULTS = Map.of(
            "PACING_GLOBAL_MS", "0",
            "PACING_CHAT_MS", "0",
            "PACING_JITTER_MS", "0",
            "TYPING_MS_PER_CHAR", "0",
            "TYPING_MIN_MS", "0",
            "TYPING_MAX_MS", "0",
            "RECONNECT_QUIET_SECONDS", "0",
            "RECONNECT_WARMUP_SECONDS", "0",
            "OUTBOUND_WAIT_SECONDS", String.valueOf(SIMULATOR_OUTBOUND_POLL.toSeconds()));
    /** How much longer than the idempotency lease the inbound visibility timeout is (see {@link #inboundVisibility}). */
    static final Duration VISIBILITY_MARGIN = Duration.ofSeconds(30);
    /** SQS's (and ElasticMQ's) largest visibility timeout. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private LocalTuning() {}

    /**
     * The bridge's settings, read from the environment by the bridge's own reader, so that {@code MEDIA_MAX_MB},
     * {@code PACING_*}, {@code QR_PAGE_TOKEN} and the rest mean locally what they mean in the container. The port is
     * the local run's; the temp directory defaults to one under the data directory. With the simulator, the sends are
     * unpaced and the outbound poll is short unless the environment says otherwise: nobody's account is at risk there,
     * and a stop waits for the poll in flight. A blank variable counts as unset, as the bridge's reader has it.
     */
    static BridgeSettings bridgeSettings(LocalSettings settings, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        Map<String, String> defaults = new HashMap<>();
        defaults.put("BRIDGE_TEMP_DIR", settings.dataDir().resolve("tmp").toString());
        if (settings.channel() == LocalSettings.Channel.SIMULATOR) {
            defaults.putAll(SIMULATOR_DEFAULTS);
        }
        defaults.forEach((name, value) -> {
            if (e.getOrDefault(name, "").isBlank()) {
                e.put(name, value);
            }
        });
        return BridgeSettings.fromEnvironment(e).withPort(settings.port());
    }

    /**
     * The inbound queue's visibility timeout: longer than the idempotency lease, as in AWS (docs/configuration.md),
     * so that a message whose processing was cut off by a kill -9 comes back after a restart with its lease expired
     * and is answered, instead of finding its claim still held on every redelivery.
     */
    static Duration inboundVisibility(AppConfig.Idempotency idempotency) {
        Duration v =
                Duration.ofSeconds(idempotency.lease().plus(VISIBILITY_MARGIN).toSeconds());
        return v.compareTo(MAX_VISIBILITY) > 0 ? MAX_VISIBILITY : v;
    }

    /** The model settings pointed at {@code baseUrl} with a placeholder key, everything else unchanged. */
    static AppConfig withModelAt(AppConfig c, URI baseUrl) {
        AppConfig.Model m = c.model();
        AppConfig.Model faked = new AppConfig.Model(
                List.of(new Secret("local-fake-model")),
                baseUrl,
                m.name(),
                m.timeout(),
                m.maxRetries(),
                m.keyCooldown());
        return new AppConfig(
                faked,
                c.prefixes(),
                c.chat(),
                c.access(),
                c.memory(),
                c.idempotency(),
                c.pseudonymKey(),
                c.infra(),
                c.awsTimeouts());
    }
}
