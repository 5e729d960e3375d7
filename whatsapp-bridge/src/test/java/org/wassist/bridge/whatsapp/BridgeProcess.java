package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wassist.standins.Await;
import org.wassist.standins.StandIns;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;

/**
 * The packaged bridge (target/whatsapp-bridge.jar, BridgeMain) as a child process against the imitation page and the
 * stand-ins of this JVM, configured only through its environment, as in the container.
 */
final class BridgeProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("bridge started: HTTP on port (\\d+)");

    final Process process;
    final Path out;

    BridgeProcess(Path work, URI page, Map<String, String> extraEnv) {
        this(work, page, extraEnv, UnaryOperator.identity());
    }

    /** As above, with the command line passed through {@code launcher} (for example into a memory cgroup). */
    BridgeProcess(Path work, URI page, Map<String, String> extraEnv, UnaryOperator<List<String>> launcher) {
        Path jar = Path.of(System.getProperty("wassist.bridge.jar", "target/whatsapp-bridge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: ./mvnw -pl whatsapp-bridge package (" + jar + ")");
        }
        this.out = work.resolve("bridge.out");
        ProcessBuilder pb = new ProcessBuilder(launcher.apply(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + work.resolve("tmp"),
                        // The container's JVM options: the same file the Dockerfile's entrypoint reads.
                        "@" + jvmOptions(),
                        "-jar",
                        jar.toAbsolutePath().toString())))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(env(work, page));
        env.putAll(extraEnv);
        try {
            Files.createDirectories(work.resolve("tmp"));
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bridge's JVM options file, {@code whatsapp-bridge/jvm.options}: the one list the container uses too. */
    static Path jvmOptions() {
        Path p = Path.of(System.getProperty("wassist.repo.root", ".."), "whatsapp-bridge", "jvm.options");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the bridge's JVM options file is missing: " + p.toAbsolutePath());
        }
        return p.toAbsolutePath();
    }

    static Map<String, String> env(Path work, URI page) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_REGION", StandIns.REGION);
        env.put("AWS_ENDPOINT_URL_SQS", StandIns.sqs().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", StandIns.s3().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", StandIns.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", StandIns.SECRET_KEY);
        env.put("INBOUND_QUEUE_URL", StandIns.sqs().queueUrl(ElasticMq.INBOUND));
        env.put("OUTBOUND_QUEUE_URL", StandIns.sqs().queueUrl(ElasticMq.OUTBOUND));
        env.put("MEDIA_BUCKET", S3Proxy.MEDIA_BUCKET);
        env.put("CHANNEL", "whatsapp-web");
        env.put("PORT", "0");
        env.put("PROFILE_DIR", work.resolve("profile").toString());
        env.put("BRIDGE_TEMP_DIR", work.resolve("tmp").toString());
        env.put("WHATSAPP_WEB_URL", page.toString());
        env.put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        env.put("QR_TERMINAL", "false");
        env.put("LOG_PSEUDONYM_KEY", "bridge-process-test-key-0123456789");
        env.put("QR_PAGE_TOKEN", "bridge-process-test-token");
        return env;
    }

    /**
     * The role of each Chromium process under the bridge, from its command line: {@code browser}, {@code zygote},
     * {@code renderer}, or {@code utility <service>}. Chromium rewrites its process title, so the arguments are
     * separated by spaces.
     */
    List<String> chromiumProcessTypes() {
        List<String> types = new ArrayList<>();
        for (ProcessHandle p : process.descendants().toList()) {
            String cmd = commandLine(p.pid());
            if (cmd.contains("chromium")) {
                types.add(role(cmd));
            }
        }
        return types;
    }

    static String role(String commandLine) {
        String type = "browser";
        String sub = "";
        for (String arg : commandLine.split("[\\s\\x00]+", -1)) {
            if (arg.startsWith("--type=")) {
                type = arg.substring("--type=".length());
            } else if (arg.startsWith("--utility-sub-type=")) {
                sub = " " + arg.substring("--utility-sub-type=".length());
            }
        }
        return type + sub;
    }

    static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String output() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP port from the start-up log line, once logged. */
    OptionalInt port(Duration wait) {
        int[] found = {-1};
        Await.until(
                () -> {
                    Matcher m = PORT.matcher(output());
                    if (m.find()) {
                        found[0] = Integer.parseInt(m.group(1));
                        return true;
                    }
                    return !process.isAlive();
                },
                wait);
        return found[0] < 0 ? OptionalInt.empty() : OptionalInt.of(found[0]);
    }

    /** SIGTERM, as ECS and tini send it; returns the exit code. */
    int terminate(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bridge did not stop within " + wait + " after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
