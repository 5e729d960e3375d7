package org.wassist.standins.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL server tools. PostgreSQL refuses to run as root, so when this process is root every tool runs
 * as the {@code postgres} OS user through {@code runuser}.
 */
final class PgCommands {
    static final Path RUNUSER = Path.of("/usr/sbin/runuser");
    static final String OS_USER = "postgres";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int OUTPUT_TAIL = 2000;
    private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres");

    private final Path bin;
    private final boolean asPostgres;

    private PgCommands(Path bin, boolean asPostgres) {
        this.bin = bin;
        this.asPostgres = asPostgres;
    }

    /** Checks that the tools exist (and, as root, that runuser and the postgres user do). */
    static PgCommands detect(Path bin) {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                missing.add(bin.resolve(tool).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PostgreSQL 15 server binaries are missing: " + String.join(", ", missing)
                    + "; install the Debian package postgresql-15 (scripts/setup-postgres.sh does)");
        }
        boolean root = isRoot();
        if (root && !Files.isExecutable(RUNUSER)) {
            throw new IllegalStateException(
                    "running as root needs " + RUNUSER + " (util-linux) to start PostgreSQL" + " as the postgres user");
        }
        PgCommands commands = new PgCommands(bin, root);
        if (root && commands.exec(List.of("/usr/bin/id", "-u", OS_USER)).exit() != 0) {
            throw new IllegalStateException("running as root needs the '" + OS_USER + "' OS user (created by the"
                    + " postgresql-15 package) to own and run the private cluster");
        }
        return commands;
    }

    boolean asPostgres() {
        return asPostgres;
    }

    /** Runs a tool and returns its output; throws with the output's tail when it fails. */
    String run(String tool, List<String> args) {
        Result r = tool(tool, args);
        if (r.exit() != 0) {
            throw new IllegalStateException(
                    tool + " " + String.join(" ", args) + " failed with exit code " + r.exit() + ":\n" + r.tail());
        }
        return r.output();
    }

    /** Runs a tool and returns its exit code. */
    int exitCode(String tool, List<String> args) {
        return tool(tool, args).exit();
    }

    /** Whether the OS user the server runs as can write {@code dir}. */
    boolean canWrite(Path dir) {
        return !asPostgres
                || exec(List.of("/usr/bin/test", "-w", dir.toString())).exit() == 0;
    }

    private Result tool(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(tool).toString());
        command.addAll(args);
        return exec(command);
    }

    private Result exec(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of(RUNUSER.toString(), "-u", OS_USER, "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("pg-", ".out");
            try {
                Process p = new ProcessBuilder(full)
                        .directory(Path.of("/").toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(
                                Path.of("/dev/null").toFile()))
                        .start();
                if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private record Result(int exit, String output) {
        String tail() {
            return output.length() <= OUTPUT_TAIL ? output : output.substring(output.length() - OUTPUT_TAIL);
        }
    }
}
