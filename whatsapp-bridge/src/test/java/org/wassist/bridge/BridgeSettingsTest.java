package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.config.ConfigException;
import org.wassist.config.Secret;

class BridgeSettingsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        BridgeSettings d = BridgeSettings.fromEnvironment(Map.of());
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.mediaMaxBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(d.qrPageToken()).isNull();
        assertThat(d.metricsInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.pacing()).isEqualTo(BridgeSettings.Pacing.defaults());
        assertThat(d.pacing().globalInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.pacing().chatInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(d.shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(d.outbound().visibility()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theOutboundVisibilityIsReadAndMustLeaveRoomForItsRenewal() {
        assertThat(BridgeSettings.fromEnvironment(Map.of("OUTBOUND_VISIBILITY_SECONDS", "120"))
                        .outbound()
                        .visibility())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> BridgeSettings.fromEnvironment(Map.of("OUTBOUND_VISIBILITY_SECONDS", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OUTBOUND_VISIBILITY_SECONDS must be a whole number between 10 and 43200");
    }

    @Test
    void readsTheVariables() {
        BridgeSettings s = BridgeSettings.fromEnvironment(Map.of(
                "PORT", "9090",
                "MEDIA_MAX_MB", "5",
                "QR_PAGE_TOKEN", "0123456789abcdef0123",
                "PACING_GLOBAL_MS", "2000",
                "PACING_CHAT_MS", "5000",
                "PACING_JITTER_MS", "100",
                "RECONNECT_QUIET_SECONDS", "30"));
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.mediaMaxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.qrPageToken()).isEqualTo(new Secret("0123456789abcdef0123"));
        assertThat(s.pacing().globalInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.pacing().chatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.pacing().reconnectQuiet()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void reportsEveryProblemWithoutValues() {
        assertThatThrownBy(() -> BridgeSettings.fromEnvironment(
                        Map.of("PORT", "99999", "QR_PAGE_TOKEN", "short-secret", "PACING_CHAT_MS", "soon")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("PORT")
                .hasMessageContaining("QR_PAGE_TOKEN must be at least 16 characters")
                .hasMessageNotContaining("short-secret");
    }
}
