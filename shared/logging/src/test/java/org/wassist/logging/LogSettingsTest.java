package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

class LogSettingsTest {
    @Test
    void defaultsToInfoAndTheDefaultService() {
        LogSettings s = LogSettings.from(Map.of());

        assertThat(s.level()).isEqualTo(Level.INFO);
        assertThat(s.service()).isEqualTo(LogSettings.DEFAULT_SERVICE);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void logLevelIsReadInAnyCaseWithAliases() {
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", "debug")).level()).isEqualTo(Level.DEBUG);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", " Warning ")).level()).isEqualTo(Level.WARN);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", "ERROR")).level()).isEqualTo(Level.ERROR);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", "trace")).level()).isEqualTo(Level.TRACE);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", "critical")).level()).isEqualTo(Level.FATAL);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", "off")).level()).isEqualTo(Level.OFF);
    }

    @Test
    void anUnknownLevelFallsBackToInfoAndIsReportedWithoutItsValue() {
        LogSettings s = LogSettings.from(Map.of("LOG_LEVEL", "verbose"));

        assertThat(s.level()).isEqualTo(Level.INFO);
        assertThat(s.problems())
                .singleElement()
                .asString()
                .contains("LOG_LEVEL")
                .doesNotContain("verbose");
    }

    @Test
    void lambdaAdvancedLoggingLevelIsTheFallbackForLogLevel() {
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN")).level())
                .isEqualTo(Level.WARN);
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN", "LOG_LEVEL", "DEBUG"))
                        .level())
                .isEqualTo(Level.DEBUG);
        assertThat(LogSettings.from(Map.of("LOG_LEVEL", " ")).level()).isEqualTo(Level.INFO);
    }

    @Test
    void serviceComesFromLogServiceThenTheFunctionName() {
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "wassist-router"))
                        .service())
                .isEqualTo("wassist-router");
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn", "LOG_SERVICE", "bridge"))
                        .service())
                .isEqualTo("bridge");
        assertThat(LogSettings.from(Map.of("LOG_SERVICE", "my service ${x}")).service())
                .isEqualTo("my-service---x-");
    }
}
