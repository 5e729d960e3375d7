package org.wassist.router.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, read from /proc and the JVM. */
final class Machine {
    private Machine() {}

    static String describe() {
        return "nproc=" + Runtime.getRuntime().availableProcessors() + ", cpu=\"" + field("/proc/cpuinfo", "model name")
                + "\", ram=" + memTotalGib() + " GiB, jdk=" + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version") + ", os=" + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String load() {
        List<String> lines = read("/proc/loadavg");
        return lines.isEmpty()
                ? "?"
                : String.join(" ", List.of(lines.getFirst().split(" ")).subList(0, 3));
    }

    private static String memTotalGib() {
        String kb = field("/proc/meminfo", "MemTotal").replace("kB", "").strip();
        try {
            return Long.toString(Math.round(Long.parseLong(kb) / 1024.0 / 1024.0));
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private static String field(String file, String name) {
        for (String line : read(file)) {
            if (line.startsWith(name)) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "?";
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
