package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A container's processes seen from the host's /proc (the check runs as root on the host): the tree under its PID 1,
 * the JVM among them, and their identities.
 */
final class ContainerProcesses {
    private ContainerProcesses() {}

    /** The process and its descendants. */
    static List<ProcessHandle> tree(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.descendants().toList());
        return all;
    }

    /**
     * The JVM: the child of the container's PID 1 (tini) that runs the bridge's jar. tini has other children too:
     * Chromium's processes whose parent ended are re-parented to PID 1 of the container.
     */
    static ProcessHandle jvm(long pid1) {
        return ProcessHandle.of(pid1)
                .flatMap(p -> p.children()
                        .filter(c -> BridgeProcess.commandLine(c.pid()).contains("/app/whatsapp-bridge.jar"))
                        .findFirst())
                .orElseThrow(() -> new IllegalStateException("PID 1 has no child running the bridge's jar"));
    }

    /** The programs (file names of the executables) running in the tree. */
    static Set<String> programs(List<ProcessHandle> tree) {
        Set<String> names = new TreeSet<>();
        for (ProcessHandle p : tree) {
            p.info().command().map(c -> Path.of(c).getFileName().toString()).ifPresent(names::add);
        }
        return names;
    }

    /**
     * {@code uid=… gid=… capEff=…} of one process: the real, effective, saved and file-system ids when they agree
     * (else all four), and the effective capability mask.
     */
    static String identity(ProcessHandle p) {
        Map<String, String> status = status(p.pid());
        return "uid=" + same(status.getOrDefault("Uid", "?")) + " gid=" + same(status.getOrDefault("Gid", "?"))
                + " capEff=" + status.getOrDefault("CapEff", "?");
    }

    private static String same(String ids) {
        String[] parts = ids.split("\\s+", -1);
        for (String part : parts) {
            if (!part.equals(parts[0])) {
                return ids;
            }
        }
        return parts[0];
    }

    static Map<String, String> status(long pid) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : lines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
