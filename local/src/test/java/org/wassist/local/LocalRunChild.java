package org.wassist.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.wassist.standins.LoopbackPorts;

/**
 * {@code org.wassist.local.LocalRun} as a child JVM, started the way {@code scripts/run-local.sh} starts it: the same
 * java, the same flags, {@code target/classes} plus the module's runtime classpath, the repository root as working
 * directory, and only the environment the test gives (plus PATH and locale), so nothing from the developer's shell
 * leaks in. Its stdout and stderr go to files next to its data directory and are kept for the log checks.
 */
final class LocalRunChild implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    /** What {@link Process#exitValue()} reports for a process ended by SIGKILL (128 + 9). */
    static final int KILLED_BY_SIGKILL = 137;

    private static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "TZ", "HOME", "USER");
    private static final int START_ATTEMPTS = 3;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path stdout;
    private final Path stderr;

    private LocalRunChild(Process process, int port, Path dataDir, Path stdout, Path stderr) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts a child on {@code runDir/data} (created if missing, reused if present) with these environment variables
     * and waits until {@code /healthz} answers 200.
     */
    static LocalRunChild start(Path runDir, Map<String, String> env) {
        AssertionError last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            LocalRunChild child = launch(runDir, env, LoopbackPorts.free());
            try {
                child.awaitHealthy();
                return child;
            } catch (AssertionError e) {
                child.close();
                last = e;
                if (!child.stdoutText().contains("is already in use")) {
                    break;
                }
            }
        }
        throw last == null ? new AssertionError("the local run did not start") : last;
    }

    /** An empty directory for one test class's runs: {@code local/target/local-run-it/<class>}. */
    static Path freshRunDir(Class<?> testClass) {
        Path dir = repoRoot().resolve("local/target/local-run-it").resolve(testClass.getSimpleName());
        try {
            if (Files.exists(dir)) {
                LeftoverPostgres.stop(dir.resolve("data/pg"));
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /** Launches a child on this port without waiting for it (for runs expected to fail). */
    static LocalRunChild launch(Path runDir, Map<String, String> env, int port) {
        Path repo = repoRoot();
        Path target = repo.resolve("local/target");
        try {
            Path dataDir = Files.createDirectories(runDir.resolve("data"));
            int n;
            try (Stream<Path> files = Files.list(runDir)) {
                n = (int) files.filter(p -> p.toString().endsWith(".stdout")).count() + 1;
            }
            Path out = runDir.resolve("child-" + n + ".stdout");
            Path err = runDir.resolve("child-" + n + ".stderr");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            // The run's own JVM options, as scripts/run-local.sh passes them.
            command.add("@" + repo.resolve("local/jvm.options"));
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(target.resolve("tmp")));
            command.addAll(List.of("-cp", classpath(target), LocalRun.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(repo.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> childEnv = pb.environment();
            childEnv.clear();
            INHERITED.forEach(name -> Optional.ofNullable(System.getenv(name)).ifPresent(v -> childEnv.put(name, v)));
            childEnv.put("WASSIST_REPO_ROOT", repo.toString());
            childEnv.put("DATA_DIR", dataDir.toString());
            childEnv.put("PORT", Integer.toString(port));
            childEnv.putAll(env);
            return new LocalRunChild(pb.start(), port, dataDir, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the local run", e);
        }
    }

    /** {@code target/classes} and the runtime classpath the build wrote for scripts/run-local.sh. */
    private static String classpath(Path target) throws IOException {
        Path runClasspath = target.resolve("run-classpath.txt");
        if (!Files.isRegularFile(runClasspath)) {
            throw new IllegalStateException(runClasspath + " is missing: the package phase writes it");
        }
        return target.resolve("classes") + ":"
                + Files.readString(runClasspath, StandardCharsets.UTF_8).strip();
    }

    static Path repoRoot() {
        String root = System.getProperty("wassist.repo.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("the wassist.repo.root system property is not set (the build sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("the local run exited with status " + process.exitValue()
                        + " before /healthz answered;\nstdout:\n" + tail(stdoutText()) + "\nstderr:\n"
                        + tail(stderrText()));
            }
            if (status("/healthz") == 200) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new AssertionError(
                "/healthz did not answer 200 within " + START_TIMEOUT + ";\nstdout:\n" + tail(stdoutText()));
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path dataDir() {
        return dataDir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Returns the exit status. */
    int killNine() {
        process.destroyForcibly();
        return waitForExit();
    }

    /** A graceful stop (SIGTERM, as Ctrl-C or {@code docker stop}); SIGKILL if it hangs. Returns the exit status. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return waitForExit();
    }

    /** Waits until the child exits by itself; returns its exit status. */
    int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the local run to exit", e);
        }
    }

    /** Every line the child wrote to stdout so far. */
    List<String> stdoutLines() {
        return lines(stdout);
    }

    /** Every line the child wrote to stderr so far. */
    List<String> stderrLines() {
        return lines(stderr);
    }

    private String stdoutText() {
        return String.join("\n", stdoutLines());
    }

    private String stderrText() {
        return String.join("\n", stderrLines());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /**
     * Stops the child if it still runs, then any PostgreSQL a kill -9 left running on the data directory (a new
     * local run would stop it itself; a test that ends after a kill must not leave it behind).
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        LeftoverPostgres.stop(dataDir.resolve("pg"));
    }
}
