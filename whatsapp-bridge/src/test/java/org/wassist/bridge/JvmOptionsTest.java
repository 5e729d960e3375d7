package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code whatsapp-bridge/jvm.options} is the one list of the bridge's JVM options: the container starts with it, the
 * packaged-process tests and the benchmark too. Each option has its reason, and the JVM accepts them.
 */
class JvmOptionsTest {
    private static final Path MODULE = Path.of(System.getProperty("wassist.repo.root", ".."), "whatsapp-bridge");
    private static final Path OPTIONS = MODULE.resolve("jvm.options");

    @Test
    void theContainerStartsTheJarWithTheOptionsFileAndNoOtherOptions() throws IOException {
        String dockerfile = Files.readString(MODULE.resolve("Dockerfile"), StandardCharsets.UTF_8);

        assertThat(dockerfile)
                .contains("COPY whatsapp-bridge/jvm.options /app/jvm.options")
                .contains("\"java\", \"@/app/jvm.options\", \"-jar\", \"/app/whatsapp-bridge.jar\"")
                .doesNotContain("JAVA_TOOL_OPTIONS")
                .doesNotContain("JDK_JAVA_OPTIONS");
    }

    @Test
    void everyOptionHasAReasonAbove() throws IOException {
        List<String> lines = Files.readAllLines(OPTIONS, StandardCharsets.UTF_8);
        List<String> unexplained = new ArrayList<>();
        String previous = "";
        for (String raw : lines) {
            String line = raw.strip();
            boolean option = line.startsWith("-");
            boolean explained = previous.startsWith("#") || previous.startsWith("-");
            if (option && !explained) {
                unexplained.add(line);
            }
            previous = line;
        }

        assertThat(options()).isNotEmpty().allMatch(o -> o.startsWith("-"), "one option a line");
        assertThat(unexplained)
                .as("options without a comment above their group")
                .isEmpty();
    }

    @Test
    void theHeapStartsSmallAndHasRoomForMediaAndOutOfMemoryEndsTheProcess() throws IOException {
        assertThat(options()).contains("-XX:+UseSerialGC", "-Xms16m", "-Xmx160m", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theJvmAcceptsTheOptions() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + OPTIONS.toAbsolutePath(),
                        "-version")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("Unrecognized", "Ignoring option");
    }

    private static List<String> options() throws IOException {
        return Files.readAllLines(OPTIONS, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
