package org.wassist.standins.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.wassist.standins.Await;
import org.wassist.standins.LoopbackPorts;

/**
 * dynalite (DynamoDB) as a Node child process on 127.0.0.1, with the idempotency table {@value #IDEMPOTENCY_TABLE}.
 * In memory by default; with a directory, dynalite keeps its LevelDB store there (classic-level's prebuilt native
 * module, which npm installs without running install scripts). The child dies with {@link #close()} or, failing that,
 * with the JVM (a shutdown hook). dynalite never expires items by TTL: readers must ignore expired items themselves.
 */
public final class Dynalite implements AutoCloseable {
    public static final String IDEMPOTENCY_TABLE = "wassist-idempotency";
    public static final String REGION = "us-east-1";
    /** Runs dynalite's CLI and exits when the parent JVM is gone (node/dynalite-child.js). */
    static final String LAUNCHER = "dynalite-child.js";
    /** The child's process id, in the data directory, so a run after a crash can stop a leftover child. */
    static final String PID_FILE = ".dynalite.pid";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final long STOP_SECONDS = 5;
    private static final int LOG_TAIL_CHARS = 2_000;

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;
    private boolean closed;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-kill-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** In memory, on a free port. */
    public static Dynalite inMemory() {
        return start(null, 0);
    }

    /** Persisted in {@code dir}; {@code port} 0 picks a free one (never dynalite's own {@code --port 0}). */
    public static Dynalite start(@Nullable Path dir, int port) {
        String node = NodeProject.node();
        NodeProject.script("dynalite/cli.js");
        Path cli = NodeProject.directory().resolve(LAUNCHER);
        if (dir != null) {
            Orphans.stop(dir.resolve(PID_FILE));
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int p = port == 0 ? LoopbackPorts.free() : port;
            try {
                Dynalite dynalite = launch(node, cli, dir, p);
                try {
                    Tables.createIdempotencyTable(dynalite.endpoint);
                } catch (RuntimeException e) {
                    dynalite.close();
                    throw e;
                }
                return dynalite;
            } catch (IllegalStateException e) {
                last = e;
                if (port != 0) {
                    break;
                }
            }
        }
        throw last == null ? new IllegalStateException("dynalite did not start") : last;
    }

    private static Dynalite launch(String node, Path cli, @Nullable Path dir, int port) {
        List<String> command = new ArrayList<>(List.of(node, cli.toString(), "--host", "127.0.0.1"));
        command.addAll(List.of("--port", Integer.toString(port)));
        command.addAll(List.of("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        Path log;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
                command.addAll(List.of("--path", dir.toAbsolutePath().toString()));
            }
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            log = Files.createTempFile("dynalite-" + port + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Dynalite dynalite = new Dynalite(process, port);
            if (dir != null) {
                Orphans.record(dir.resolve(PID_FILE), process);
            }
            if (!Await.until(() -> !process.isAlive() || LoopbackPorts.accepts(port), START_TIMEOUT)
                    || !process.isAlive()) {
                dynalite.close();
                throw new IllegalStateException("dynalite did not start on port " + port + ": " + tail(log));
            }
            return dynalite;
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch dynalite with " + node, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Ends the child process (SIGTERM, then SIGKILL after {@value #STOP_SECONDS} s); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook runs anyway and finds the process gone.
        }
    }

    /** Whether the child process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS ? text : text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e.getClass().getSimpleName() + ")";
        }
    }
}
