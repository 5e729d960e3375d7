package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.wassist.testkit.logs.PiiScan;

/** Checks of what local-run children wrote: JSON lines on stdout, and no personal data or secret anywhere. */
final class ChildLogs {
    private ChildLogs() {}

    /** Every line of stdout and stderr of these children, in order, then the private PostgreSQL's server log. */
    static List<String> allLines(Collection<LocalRunChild> children) {
        List<String> lines = new ArrayList<>();
        for (LocalRunChild c : children) {
            lines.addAll(c.stdoutLines());
            lines.addAll(c.stderrLines());
        }
        children.stream()
                .map(c -> c.dataDir().resolve("pg/server.log"))
                .distinct()
                .forEach(log -> {
                    try {
                        lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException("the PostgreSQL server log is missing: " + log, e);
                    }
                });
        return lines;
    }

    /** Each stdout line is one JSON object with a timestamp, a level and a message. */
    static void assertJsonLinesOnly(LocalRunChild child) {
        List<String> stdout = child.stdoutLines();
        assertThat(stdout).as("stdout of the local run").isNotEmpty();
        for (String line : stdout) {
            JsonNode node;
            try {
                node = SimClient.JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
            assertThat(node.isObject())
                    .as("stdout line is a JSON object: %s", line)
                    .isTrue();
            assertThat(node.path("timestamp").asText())
                    .as("timestamp of %s", line)
                    .isNotBlank();
            assertThat(node.path("level").asText()).as("level of %s", line).isNotBlank();
            assertThat(node.has("message")).as("message of %s", line).isTrue();
        }
    }

    /** No line of any child holds a known sensitive value, a WhatsApp id or a valid phone number. */
    static void assertNoPersonalData(Collection<LocalRunChild> children, Collection<String> known) {
        PiiScan.knowing(known).assertClean(allLines(children));
    }
}
