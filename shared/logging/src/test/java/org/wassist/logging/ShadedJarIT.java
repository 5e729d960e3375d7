package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LoggingSelfCheck} from fat jars, each alone in a child JVM exactly like a Lambda function: the one this
 * module's build shades with the project's shade configuration, and a "naive" copy of it in which the merged log4j
 * plugin cache is replaced by log4j-core's own, as a shade without the plugin-cache transformer leaves it.
 */
class ShadedJarIT {
    private static final Path DIR = Path.of(System.getProperty("wassist.shade.check.dir", "target/shade-check"));

    @Test
    void withTheTransformersTheFatJarWritesTheFullRedactedFormat() throws Exception {
        Run run = run(DIR.resolve("merged.jar"));

        assertThat(run.events()).hasSize(2);
        JsonNode info = run.events().get(0);
        assertThat(info.get("message").asText())
                .isEqualTo("self-check phone=[phone] jid=[jid] email=[email] key=[secret] nric=[nric]");
        assertThat(info.get("chat").asText()).isEqualTo("[jid]");
        assertThat(info.get("requestId").asText()).isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(info.get("service").asText()).isEqualTo("shade-check");
        assertThat(info.has("logFormat")).isFalse();
        JsonNode error = run.events().get(1).get("error");
        assertThat(error.get("message").asText()).isEqualTo("upstream rejected [phone] [email]");
        assertThat(error.get("stack").asText()).contains("LoggingSelfCheck.main");
        assertNothingLeaked(run);
    }

    @Test
    void withoutTheTransformersTheFatJarDegradesToTheFallbackWithoutLeaking() throws Exception {
        Run run = run(NaiveJar.from(DIR.resolve("merged.jar"), DIR.resolve("naive.jar")));

        assertThat(run.events())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("logFormat").asText()).isEqualTo("fallback"));
        assertThat(run.events().get(0).get("message").asText())
                .isEqualTo("self-check phone=[phone] jid=[jid] email=[email] key=[secret] nric=[nric]");
        assertThat(run.stderr()).contains("Log4j2PluginCacheFileTransformer");
        assertNothingLeaked(run);
    }

    private static void assertNothingLeaked(Run run) {
        String all = run.stdout() + run.stderr();
        assertThat(all)
                .doesNotContain(
                        LoggingSelfCheck.PHONE,
                        "6581234567",
                        LoggingSelfCheck.EMAIL,
                        LoggingSelfCheck.KEY,
                        LoggingSelfCheck.NRIC);
    }

    private record Run(String stdout, String stderr) {
        List<JsonNode> events() {
            return stdout.lines().map(StdoutContext::parse).toList();
        }
    }

    private static Run run(Path jar) throws IOException, InterruptedException {
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path out = Files.createTempFile(tmp, "shade-check", ".out");
        Path err = Files.createTempFile(tmp, "shade-check", ".err");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", jar.toString(), LoggingSelfCheck.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LOG") || k.startsWith("AWS_LAMBDA"));
        pb.environment().put("LOG_SERVICE", "shade-check");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("self-check finished").isTrue();
        assertThat(p.exitValue()).isZero();
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
