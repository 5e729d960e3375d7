package org.wassist.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a function's JVM writes stdout and stderr (files in its launch directory), read back line by line. */
record ChildOutput(Path stdoutFile, Path stderrFile) {
    static ChildOutput in(Path launchDir) {
        return new ChildOutput(launchDir.resolve("stdout.log"), launchDir.resolve("stderr.log"));
    }

    List<String> stdout() {
        return lines(stdoutFile);
    }

    List<String> stderr() {
        return lines(stderrFile);
    }

    /** The last {@code n} lines of each, for failure messages. */
    String tail(int n) {
        List<String> out = stdout();
        List<String> err = stderr();
        return "stdout " + out.subList(Math.max(0, out.size() - n), out.size()) + ", stderr "
                + err.subList(Math.max(0, err.size() - n), err.size());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
