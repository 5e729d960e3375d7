package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class JsonLogConfigurationTest {
    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void everyLineIsOneJsonObjectWithTheDocumentedFields() {
        try (StdoutContext out = new StdoutContext(Map.of("LOG_SERVICE", "router"))) {
            out.logger("org.wassist.pipeline.Observe")
                    .info("message processed outcome={} durationMs={}", "replied", 12);

            JsonNode e = single(out);
            assertThat(e.get("level").asText()).isEqualTo("INFO");
            assertThat(e.get("logger").asText()).isEqualTo("org.wassist.pipeline.Observe");
            assertThat(e.get("message").asText()).isEqualTo("message processed outcome=replied durationMs=12");
            assertThat(e.get("thread").asText())
                    .isEqualTo(Thread.currentThread().getName());
            assertThat(e.get("service").asText()).isEqualTo("router");
            assertThat(e.get("timestamp").asText())
                    .endsWith("Z")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(e.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(e.has("error")).isFalse();
        }
    }

    @Test
    void mdcEntriesBecomeTopLevelFieldsAndAreRedacted() {
        try (StdoutContext out = new StdoutContext(Map.of())) {
            MDC.put("msg", "m_AbCdEfGhIjKl");
            MDC.put("chat", "c_123456789012");
            MDC.put("sender", "u_-12345678901");
            MDC.put(InvocationLog.REQUEST_ID, "123e4567-e89b-12d3-a456-426614174000");
            MDC.put("leak", "6581234567@c.us");
            MDC.put("message", "must not duplicate the message field");
            out.logger("x").info("hello");

            JsonNode e = single(out);
            assertThat(e.get("msg").asText()).isEqualTo("m_AbCdEfGhIjKl");
            assertThat(e.get("chat").asText()).isEqualTo("c_123456789012");
            assertThat(e.get("sender").asText()).isEqualTo("u_-12345678901");
            assertThat(e.get("requestId").asText()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
            assertThat(e.get("leak").asText()).isEqualTo("[jid]");
            assertThat(e.get("message").asText()).isEqualTo("hello");
        }
    }

    @Test
    void messagesAreRedactedAndStayOnOneLine() {
        try (StdoutContext out = new StdoutContext(Map.of())) {
            out.logger("x").warn("from +65 8123 4567 said \"hi\"\nsecond line\tsk-abc123def456ghi789jkl");

            JsonNode e = single(out);
            assertThat(e.get("message").asText()).isEqualTo("from [phone] said \"hi\"\nsecond line\t[secret]");
            assertThat(out.raw()).doesNotContain("8123");
        }
    }

    @Test
    void exceptionsAreWrittenAsClassMessageAndStackAllRedacted() {
        try (StdoutContext out = new StdoutContext(Map.of())) {
            Exception cause = new IllegalArgumentException("bad jid 6581234567@c.us");
            Exception top = new IllegalStateException("upstream rejected +65 8123 4567 / someone@example.com", cause);
            top.addSuppressed(new RuntimeException("key sk-abc123def456ghi789jkl"));
            out.logger("x").error("failed", top);

            JsonNode error = single(out).get("error");
            assertThat(error.get("class").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.get("message").asText()).isEqualTo("upstream rejected [phone] / [email]");
            assertThat(error.get("stack").asText())
                    .startsWith("java.lang.IllegalStateException: upstream rejected [phone] / [email]\n\tat ")
                    .contains("Caused by: java.lang.IllegalArgumentException: bad jid [jid]")
                    .contains("Suppressed: java.lang.RuntimeException: key [secret]")
                    .contains("JsonLogConfigurationTest.java:");
            assertThat(out.raw()).doesNotContain("8123", "6581234567", "someone@", "abc123def");
        }
    }

    @Test
    void anExceptionWithoutMessageHasAnEmptyMessage() {
        try (StdoutContext out = new StdoutContext(Map.of())) {
            out.logger("x").error("failed", new NullPointerException());

            JsonNode error = single(out).get("error");
            assertThat(error.get("message").asText()).isEmpty();
            assertThat(error.get("stack").asText()).startsWith("java.lang.NullPointerException");
        }
    }

    @Test
    void theRootLevelComesFromTheInjectedEnvironment() {
        try (StdoutContext out = new StdoutContext(Map.of("LOG_LEVEL", "warn"))) {
            Logger log = out.logger("org.wassist.x");
            log.info("dropped");
            log.warn("kept");
            assertThat(out.events()).extracting(e -> e.get("message").asText()).containsExactly("kept");
        }
        try (StdoutContext out = new StdoutContext(Map.of("LOG_LEVEL", "DEBUG"))) {
            Logger log = out.logger("org.wassist.x");
            log.trace("dropped");
            log.debug("kept");
            assertThat(out.events()).extracting(e -> e.get("level").asText()).containsExactly("DEBUG");
        }
    }

    @Test
    void noisyThirdPartyLoggersStayAtWarnEvenWhenTheRootIsDebug() {
        try (StdoutContext out = new StdoutContext(Map.of("LOG_LEVEL", "DEBUG"))) {
            for (String name : List.of(
                    "software.amazon.awssdk.request",
                    "org.apache.pekko.actor.ActorSystem",
                    "org.eclipse.jetty.server.Server",
                    "org.flywaydb.core.Flyway",
                    "com.zaxxer.hikari.HikariDataSource",
                    "okhttp3.OkHttpClient")) {
                out.logger(name).info("dropped");
                out.logger(name).warn("kept " + name);
            }
            assertThat(out.events())
                    .hasSize(6)
                    .allSatisfy(e -> assertThat(e.get("level").asText()).isEqualTo("WARN"));
        }
    }

    @Test
    void aStricterRootLevelAlsoAppliesToTheNoisyLoggers() {
        try (StdoutContext out = new StdoutContext(Map.of("LOG_LEVEL", "ERROR"))) {
            LoggerConfig quiet = out.context().getConfiguration().getLoggerConfig("software.amazon.awssdk");
            assertThat(quiet.getLevel()).isEqualTo(Level.ERROR);
            out.logger("software.amazon.awssdk.request").warn("dropped");
            assertThat(out.lines()).isEmpty();
        }
    }

    @Test
    void aVeryLargeMessageIsOneRedactedTruncatedLine() {
        try (StdoutContext out = new StdoutContext(Map.of())) {
            String big = "+65 8123 4567 ".repeat(100_000);
            out.logger("x").info(big);

            List<String> lines = out.lines();
            assertThat(lines).hasSize(1);
            String message = StdoutContext.parse(lines.get(0)).get("message").asText();
            assertThat(message.length()).isLessThanOrEqualTo(JsonLogConfiguration.MAX_STRING_LENGTH + 1);
            assertThat(message).startsWith("[phone] [phone] ").doesNotContain("8123");
        }
    }

    private static JsonNode single(StdoutContext out) {
        List<JsonNode> events = out.events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
