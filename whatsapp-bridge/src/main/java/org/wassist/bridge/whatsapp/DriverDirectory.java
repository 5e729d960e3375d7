package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.TempDirectory;

/**
 * Where Playwright unpacks its driver (about 14 MB of JavaScript). Playwright does this once per JVM and keeps the
 * location in a static, so the directory must live as long as the JVM, not as long as one channel: it is
 * {@code <java.io.tmpdir>/wassist-bridge-<pid>-<start>-driver} (the pattern {@link org.wassist.bridge.TempDirectory}
 * removes as an orphan after a crash, done here too) and a shutdown hook removes it when the JVM exits.
 */
final class DriverDirectory {
    private static @Nullable Path dir;

    private DriverDirectory() {}

    static synchronized Path ensure() {
        Path d = dir;
        if (d == null) {
            Path tempRoot = Path.of(System.getProperty("java.io.tmpdir"));
            ProcessHandle self = ProcessHandle.current();
            long start = self.info()
                    .startInstant()
                    .map(java.time.Instant::toEpochMilli)
                    .orElse(0L);
            d = tempRoot.resolve("wassist-bridge-" + self.pid() + "-" + start + "-driver");
            try {
                Files.createDirectories(tempRoot);
                TempDirectory.removeOrphans(tempRoot);
                if (!Files.isDirectory(d)) {
                    Files.createDirectory(
                            d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Playwright driver directory", e);
            }
            Path created = d;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "driver-cleanup"));
            System.setProperty("playwright.driver.tmpdir", d.toString());
            dir = d;
        }
        return d;
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit; the next start removes it as an orphan
        }
    }
}
