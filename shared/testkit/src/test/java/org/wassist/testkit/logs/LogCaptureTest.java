package org.wassist.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.wassist.logging.JsonLogConfiguration;

class LogCaptureTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogCaptureTest.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void capturesTheJsonLinesAsTheStdoutAppenderFormatsThem() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            MDC.put("chat", "c_AbCdEfGhIjKl");
            try {
                LOG.info("processed outcome={}", "replied");
            } finally {
                MDC.remove("chat");
            }

            JsonNode line = JSON.readTree(logs.lines().getLast());
            assertThat(line.get("message").asText()).isEqualTo("processed outcome=replied");
            assertThat(line.get("logger").asText()).isEqualTo(LogCaptureTest.class.getName());
            assertThat(line.get("chat").asText()).isEqualTo("c_AbCdEfGhIjKl");
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(logs.lines().getLast()).doesNotEndWith("\n");
        }
    }

    @Test
    void usesTheVeryLayoutOfTheStdoutAppender() {
        var config = LogCapture.context().getConfiguration();

        assertThat(LogCapture.stdoutLayout(config))
                .isSameAs(
                        config.getAppender(JsonLogConfiguration.STDOUT_APPENDER).getLayout());
    }

    @Test
    void capturedLinesAreRedactedSoThePiiScanPassesThem() {
        String phone = "+65 8123 4567";
        String jid = "6581234567@c.us";
        try (LogCapture logs = LogCapture.start()) {
            LOG.warn("message from {} ({})", phone, jid);
            LOG.error("failed", new IllegalStateException("upstream said " + jid));

            assertThat(logs.lines()).hasSize(2);
            PiiScan.knowing(List.of(phone, jid)).assertClean(logs.lines());
        }
    }

    @Test
    void capturesOtherThreadsAndJavaUtilLoggingAndStopsWhenClosed() throws Exception {
        LogCapture logs = LogCapture.start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> LOG.info("from a worker")).get(10, TimeUnit.SECONDS);
            java.util.logging.Logger.getLogger("org.wassist.jul").warning("from jul");
        } finally {
            pool.shutdownNow();
            logs.close();
        }
        LOG.info("after close");

        assertThat(logs.lines())
                .extracting(l -> JSON.readTree(l).get("message").asText())
                .containsExactly("from a worker", "from jul");
    }
}
