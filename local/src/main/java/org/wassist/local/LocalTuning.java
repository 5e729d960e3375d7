package org.wassist.local;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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
    /** How much longer than the idempotency lease the inbound visibility timeout is (see {@link #inboundVisibility}). */
    static final Duration VISIBILITY_MARGIN = Duration.ofSeconds(30);
    /** SQS's (and ElasticMQ's) largest visibility timeout. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private LocalTuning() {}

    static BridgeSettings bridgeSettings(LocalSettings settings) {
        BridgeSettings s = BridgeSettings.defaults()
                .withPort(settings.port())
                .withTempRoot(settings.dataDir().resolve("tmp"));
        if (settings.channel() != LocalSettings.Channel.SIMULATOR) {
            return s;
        }
        BridgeSettings.Outbound o = s.outbound();
        return s.withPacing(BridgeSettings.Pacing.none())
                .withOutbound(new BridgeSettings.Outbound(
                        o.batchSize(), SIMULATOR_OUTBOUND_POLL, o.retryBase(), o.retryMax(), o.sendTimeout()));
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
                faked, c.prefixes(), c.chat(), c.access(), c.memory(), c.idempotency(), c.pseudonymKey(), c.infra());
    }
}
