package org.wassist.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-process temp directory, {@code <root>/wassist-bridge-<pid>-<start>-<random>}, owner-only. Creating one
 * first removes the directories of earlier processes that are no longer running (orphans of a crash); the process
 * start time in the name tells a reused pid (a container restart) from the live owner; {@link #close()}
 * removes this one. Playwright's driver and Chromium get it as their {@code TMPDIR}, so their artifacts go with it.
 */
public final class TempDirectory implements AutoCloseable {
    static final String PREFIX = "wassist-bridge-";
    private static final Logger LOG = LoggerFactory.getLogger(TempDirectory.class);
    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    /** Removes orphans under {@code root}, then creates this process's directory. */
    public static TempDirectory create(Path root) {
        try {
            Files.createDirectories(root);
            int removed = removeOrphans(root);
            if (removed > 0) {
                LOG.info("removed {} temp directories left by earlier bridge processes", removed);
            }
            String name = PREFIX + ProcessHandle.current().pid() + "-" + startOf(ProcessHandle.current()) + "-"
                    + Integer.toString(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE), 36);
            Path dir = Files.createDirectory(
                    root.resolve(name),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new TempDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bridge's temp directory under " + root, e);
        }
    }

    public Path path() {
        return path;
    }

    /** A fresh subdirectory for one job; removed with the whole directory at the latest. */
    public Path newJobDirectory(String kind) {
        try {
            return Files.createTempDirectory(path, kind + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a job directory", e);
        }
    }

    @Override
    public void close() {
        deleteTree(path);
    }

    /** Removes the directories under {@code root} that earlier, no longer running bridge processes left. */
    public static int removeOrphans(Path root) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isOrphan(dir.getFileName().toString())) {
                    deleteTree(dir);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isOrphan(String name) {
        String[] parts = name.substring(PREFIX.length()).split("-", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[0]);
            long start = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid)
                    .map(p -> !p.isAlive() || startOf(p) != start)
                    .orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long startOf(ProcessHandle process) {
        return process.info()
                .startInstant()
                .map(java.time.Instant::toEpochMilli)
                .orElse(0L);
    }

    /** Deletes a tree, best effort, without following symbolic links. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete a temp file: {}", e.getClass().getSimpleName());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot clean the temp directory: {}", e.getClass().getSimpleName());
        }
    }
}
