package org.wassist.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine a benchmark ran on, so its figures can be recorded with it. */
final class Machine {
    private Machine() {}

    /** CPUs and model, RAM, OS, JDK and heap, in one line. */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memTotal() + " RAM, "
                + Stats.f1(Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024) + " GiB max heap, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The 1/5/15-minute load averages: other work on the machine skews every figure. */
    static String loadAverage() {
        List<String> parts = firstLine(Path.of("/proc/loadavg"))
                .map(l -> List.of(l.trim().split(" ", -1)))
                .orElse(List.of());
        return parts.size() >= 3 ? parts.get(0) + " / " + parts.get(1) + " / " + parts.get(2) : "unknown";
    }

    private static String cpuModel() {
        return matching(Path.of("/proc/cpuinfo"), "model name")
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown");
    }

    private static String memTotal() {
        return matching(Path.of("/proc/meminfo"), "MemTotal:")
                .map(l -> Stats.f1(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024) + " GiB")
                .orElse("unknown");
    }

    private static Optional<String> matching(Path file, String prefix) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstLine(Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
