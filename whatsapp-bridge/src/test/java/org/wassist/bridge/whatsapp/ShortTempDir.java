package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temp directories under /tmp instead of the module's target/tmp: Chromium's singleton socket lives under TMPDIR and
 * a Unix socket path is limited to 107 bytes, so the bridge's per-process temp directory must have a short path for
 * Chromium to use it (as it does in production under /tmp).
 */
final class ShortTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "wbt-");
    }

    @Override
    public void close() {}

    /** For per-class fixtures, which @TempDir does not reach before @BeforeAll. */
    static Path create() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "wbt-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void delete(Path root) {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
