package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wassist.bridge.BridgeSettings;
import org.wassist.config.AppConfig;

class LocalTuningTest {
    @Test
    void theInboundVisibilityOutlastsTheIdempotencyLease() {
        assertThat(LocalTuning.inboundVisibility(idempotency(Duration.ofSeconds(120))))
                .isEqualTo(Duration.ofSeconds(150));
        assertThat(LocalTuning.inboundVisibility(idempotency(Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void theInboundVisibilityIsWholeSecondsAndAtMostTwelveHours() {
        assertThat(LocalTuning.inboundVisibility(idempotency(Duration.ofMillis(5_500))))
                .isEqualTo(Duration.ofSeconds(35));
        assertThat(LocalTuning.inboundVisibility(idempotency(Duration.ofHours(12))))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theSimulatorSendsWithoutPacingOrTypingAndPollsBriefly() {
        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.SIMULATOR));

        assertThat(s.pacing()).isEqualTo(BridgeSettings.Pacing.none());
        assertThat(s.outbound().longPoll()).isEqualTo(LocalTuning.SIMULATOR_OUTBOUND_POLL);
        assertThat(s.port()).isEqualTo(18_080);
        assertThat(s.tempRoot()).isEqualTo(Path.of("/data/tmp"));
    }

    @Test
    void whatsAppWebKeepsTheBridgeDefaults() {
        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.WHATSAPP_WEB));

        assertThat(s.pacing()).isEqualTo(BridgeSettings.Pacing.defaults());
        assertThat(s.outbound()).isEqualTo(BridgeSettings.Outbound.defaults());
    }

    private static LocalSettings settings(LocalSettings.Channel channel) {
        return new LocalSettings(18_080, Path.of("/data"), channel, false, 4);
    }

    private static AppConfig.Idempotency idempotency(Duration lease) {
        return new AppConfig.Idempotency(lease, Duration.ofDays(7));
    }
}
