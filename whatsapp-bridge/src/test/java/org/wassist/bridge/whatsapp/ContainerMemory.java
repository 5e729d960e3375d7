package org.wassist.bridge.whatsapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.wassist.bridge.whatsapp.BridgeBenchmark.Footprint;
import org.wassist.bridge.whatsapp.BridgeBenchmark.Out;

/**
 * The container's memory after the benchmark's traffic, three ways: the bridge benchmark's figures for the JVM and its
 * descendants (docs/benchmarks.md, "WhatsApp bridge"), the footprint of every process in the container (the ones tini
 * adopted included), and the container's cgroup, v1 or v2.
 */
final class ContainerMemory {
    private static final long MIB = 1024 * 1024;

    private ContainerMemory() {}

    static void print(long pid1) {
        ProcessHandle jvm = ContainerProcesses.jvm(pid1);
        List<ProcessHandle> tree = ContainerProcesses.tree(pid1);
        Out.line("adopted by tini besides the JVM: "
                + tree.stream()
                        .filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L) == pid1 && p.pid() != jvm.pid())
                        .map(p -> p.info()
                                .command()
                                .map(c -> Path.of(c).getFileName().toString())
                                .orElse("?"))
                        .toList());
        BridgeBenchmark.Memory.print(jvm);
        List<Long> pids = tree.stream().map(ProcessHandle::pid).toList();
        Out.line(String.format(
                Locale.ROOT,
                "footprint of the whole container (distinct resident pages of its %d processes): %d MiB",
                pids.size(),
                Footprint.uniquePages(pids).all() * Footprint.PAGE / MIB));
        Out.line(cgroupMemory(pid1));
    }

    /** The memory.stat keys of one cgroup version, and its usage and peak files. */
    private record Layout(String kind, String root, String usage, String peak, String anon, String file, String shmem) {
        static final Layout V1 = new Layout(
                "v1",
                "/sys/fs/cgroup/memory",
                "memory.usage_in_bytes",
                "memory.max_usage_in_bytes",
                "total_rss",
                "total_cache",
                "total_shmem");
        static final Layout V2 =
                new Layout("v2", "/sys/fs/cgroup", "memory.current", "memory.peak", "anon", "file", "shmem");
    }

    /**
     * The container's cgroup memory: usage, of which anonymous and file-backed (page cache, which includes shared
     * memory), and the peak where the kernel keeps it. A file page is charged to the cgroup that first read it: pages
     * of the image's files already cached by an earlier container (or the build) are not in this usage.
     */
    static String cgroupMemory(long pid) {
        for (String line : ContainerProcesses.lines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && f[1].equals("memory")) {
                return describe(Layout.V1, Path.of(Layout.V1.root(), f[2]));
            }
            if (f.length == 3 && f[0].equals("0") && f[1].isEmpty() && Files.exists(Path.of(Layout.V2.root(), f[2]))) {
                return describe(Layout.V2, Path.of(Layout.V2.root(), f[2]));
            }
        }
        return "container cgroup memory: no memory cgroup found for process " + pid;
    }

    private static String describe(Layout layout, Path dir) {
        Map<String, Long> stat = stat(dir.resolve("memory.stat"));
        long peak = number(dir.resolve(layout.peak()));
        return String.format(
                Locale.ROOT,
                "container cgroup memory (%s): usage %d MiB = anon %d MiB + file %d MiB (of which shmem %d MiB);"
                        + " peak %s",
                layout.kind(),
                number(dir.resolve(layout.usage())) / MIB,
                stat.getOrDefault(layout.anon(), -1L) / MIB,
                stat.getOrDefault(layout.file(), -1L) / MIB,
                stat.getOrDefault(layout.shmem(), -1L) / MIB,
                peak < 0 ? "not kept by this kernel" : peak / MIB + " MiB");
    }

    private static Map<String, Long> stat(Path file) {
        Map<String, Long> values = new TreeMap<>();
        for (String line : ContainerProcesses.lines(file)) {
            String[] kv = line.split(" ", 2);
            if (kv.length == 2 && kv[1].matches("\\d+")) {
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return values;
    }

    private static long number(Path file) {
        List<String> l = ContainerProcesses.lines(file);
        return l.isEmpty() || !l.get(0).strip().matches("\\d+")
                ? -1
                : Long.parseLong(l.get(0).strip());
    }
}
