package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class FallbackLayoutTest {
    @Test
    void writesRedactedJsonMarkedAsFallback() {
        LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("org.wassist.x")
                .setLevel(Level.ERROR)
                .setTimeMillis(1_764_000_000_000L)
                .setMessage(new SimpleMessage("from +65 8123 4567 \"quoted\"\n\u0001"))
                .setThrown(new IllegalStateException("6581234567@c.us"))
                .build();

        String line = new FallbackLayout().toSerializable(event);

        assertThat(line).endsWith("}\n").doesNotContain("8123", "6581234567");
        JsonNode e = StdoutContext.parse(line);
        assertThat(e.get("timestamp").asText()).isEqualTo("2025-11-24T16:00:00Z");
        assertThat(e.get("level").asText()).isEqualTo("ERROR");
        assertThat(e.get("logger").asText()).isEqualTo("org.wassist.x");
        assertThat(e.get("message").asText()).isEqualTo("from [phone] \"quoted\"\n\u0001");
        assertThat(e.get("error").get("class").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(e.get("logFormat").asText()).isEqualTo("fallback");
    }
}
