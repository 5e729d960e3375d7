package org.wassist.standins.dynamodb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable dynalite holds a lock on its data directory. If the JVM that started it was killed (no shutdown hook
 * ran) and the child has not noticed yet, the next start must stop it first; the child's pid is kept in the directory
 * for that. Only a process whose command line runs our launcher is ever stopped.
 */
final class Orphans {
    private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Orphans() {}

    static void record(Path pidFile, Process process) throws IOException {
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
    }

    static void stop(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.UTF_8).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(Orphans::isOurLauncher);
            if (handle.isPresent()) {
                LOG.info("stopping a dynalite left running by an earlier process");
                handle.get().destroyForcibly();
                handle.get().onExit().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException
                | NumberFormatException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            LOG.warn(
                    "could not check for a leftover dynalite cause={}",
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isOurLauncher(ProcessHandle p) {
        return p.info().commandLine().map(c -> c.contains(Dynalite.LAUNCHER)).orElse(false);
    }
}
