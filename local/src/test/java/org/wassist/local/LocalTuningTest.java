package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.wassist.bridge.BridgeSettings;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigException;

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
        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.SIMULATOR), Map.of());

        assertThat(s.pacing()).isEqualTo(BridgeSettings.Pacing.none());
        assertThat(s.outbound().longPoll()).isEqualTo(LocalTuning.SIMULATOR_OUTBOUND_POLL);
        assertThat(s.port()).isEqualTo(18_080);
        assertThat(s.tempRoot()).isEqualTo(Path.of("/data/tmp"));
    }

    @Test
    void whatsAppWebKeepsTheBridgeDefaults() {
        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.WHATSAPP_WEB), Map.of());

        assertThat(s.pacing()).isEqualTo(BridgeSettings.Pacing.defaults());
        assertThat(s.outbound()).isEqualTo(BridgeSettings.Outbound.defaults());
        assertThat(s.mediaMaxBytes()).isEqualTo(BridgeSettings.DEFAULT_MEDIA_MAX_BYTES);
        assertThat(s.qrPageToken()).isNull();
    }

    @Test
    void whatsAppWebReadsTheBridgeSettingsFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "MEDIA_MAX_MB", "5",
                "PACING_GLOBAL_MS", "1500",
                "PACING_CHAT_MS", "4000",
                "PACING_JITTER_MS", "100",
                "QR_PAGE_TOKEN", "a-local-qr-token-0123",
                "SEND_TIMEOUT_SECONDS", "45",
                "BRIDGE_TEMP_DIR", "/var/tmp/bridge");

        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.WHATSAPP_WEB), env);

        assertThat(s.mediaMaxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.pacing().globalInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.pacing().chatInterval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.pacing().jitter()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.pacing().typingMax())
                .isEqualTo(BridgeSettings.Pacing.defaults().typingMax());
        assertThat(Objects.requireNonNull(s.qrPageToken()).reveal()).isEqualTo("a-local-qr-token-0123");
        assertThat(s.outbound().sendTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.tempRoot()).isEqualTo(Path.of("/var/tmp/bridge"));
        assertThat(s.port()).as("the local run's port").isEqualTo(18_080);
    }

    @Test
    void theSimulatorKeepsOnlyThePacingTheEnvironmentDoesNotSet() {
        Map<String, String> env = Map.of("PACING_CHAT_MS", "700", "MEDIA_MAX_MB", "3", "PACING_GLOBAL_MS", " ");

        BridgeSettings s = LocalTuning.bridgeSettings(settings(LocalSettings.Channel.SIMULATOR), env);

        assertThat(s.pacing().chatInterval()).isEqualTo(Duration.ofMillis(700));
        assertThat(s.pacing().globalInterval()).isZero();
        assertThat(s.pacing().typingMax()).isZero();
        assertThat(s.pacing().reconnectQuiet()).isZero();
        assertThat(s.mediaMaxBytes()).isEqualTo(3L * 1024 * 1024);
    }

    @Test
    void anInvalidBridgeSettingIsReportedByName() {
        assertThatThrownBy(() -> LocalTuning.bridgeSettings(
                        settings(LocalSettings.Channel.WHATSAPP_WEB), Map.of("MEDIA_MAX_MB", "500")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MEDIA_MAX_MB");
    }

    private static LocalSettings settings(LocalSettings.Channel channel) {
        return new LocalSettings(18_080, Path.of("/data"), channel, false, 4);
    }

    private static AppConfig.Idempotency idempotency(Duration lease) {
        return new AppConfig.Idempotency(lease, Duration.ofDays(7));
    }
}
