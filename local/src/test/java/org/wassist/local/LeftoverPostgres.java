package org.wassist.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The private PostgreSQL of a local run is a daemon: a kill -9 of the run leaves it running. Stops the one whose
 * {@code postmaster.pid} is in the given cluster directory (SIGTERM, PostgreSQL's smart shutdown), and only a
 * process whose command line names that directory.
 */
final class LeftoverPostgres {
    private static final long WAIT_SECONDS = 60;

    private LeftoverPostgres() {}

    static void stop(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid = pid(pidFile);
        if (pid <= 0) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().orElse("").contains(clusterDir.toString()));
        if (postmaster.isEmpty()) {
            return;
        }
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            postmaster.get().destroyForcibly();
        }
    }

    private static long pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
