package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A memory cgroup with a hard limit, as a container runtime sets one (ECS task memory, {@code docker run -m}), for the
 * benchmark to run the bridge's whole process tree under the memory the container would have. The kernel then
 * reclaims the tree's clean file pages (program code it can read again) when the limit is reached, and kills a
 * process only when the non-reclaimable memory does not fit. Swap is limited too (v1: memsw, v2: swap.max), so nothing
 * escapes into it.
 *
 * <p>Works with cgroup v2 (the memory controller enabled at {@code /sys/fs/cgroup}) and v1 ({@code
 * /sys/fs/cgroup/memory}); needs root. {@link #create} returns empty where neither can be used.
 */
final class MemoryCgroup implements AutoCloseable {
    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final Path V1 = Path.of("/sys/fs/cgroup/memory");

    private final Path dir;
    private final boolean v2;

    private MemoryCgroup(Path dir, boolean v2) {
        this.dir = dir;
        this.v2 = v2;
    }

    /** A new cgroup limited to {@code limitBytes}, or empty when this machine or user cannot create one. */
    static Optional<MemoryCgroup> create(String name, long limitBytes) {
        try {
            if (Files.readString(V2.resolve("cgroup.controllers")).contains("memory")) {
                Path d = Files.createDirectories(V2.resolve(name));
                write(d.resolve("memory.max"), limitBytes);
                write(d.resolve("memory.swap.max"), 0);
                return Optional.of(new MemoryCgroup(d, true));
            }
        } catch (IOException | RuntimeException notV2) {
            // Not cgroup v2 with the memory controller: try v1 below.
        }
        try {
            if (!Files.isRegularFile(V1.resolve("memory.limit_in_bytes"))) {
                return Optional.empty();
            }
            Path d = Files.createDirectories(V1.resolve(name));
            write(d.resolve("memory.limit_in_bytes"), limitBytes);
            Path memsw = d.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                write(memsw, limitBytes);
            }
            return Optional.of(new MemoryCgroup(d, false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Drops the machine's clean, unmapped page cache (needs root). A file page is charged to the cgroup of the process
     * that first reads it, so without this the tree's program files (Chromium, Node, the JDK), read earlier by other
     * processes, would not count against its limit at all, as they would in a fresh container. Pages that other running
     * processes map stay; the benchmark prints how many such processes there are.
     */
    static boolean dropPageCache() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "1", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The command, started inside this cgroup: a shell joins it, then execs the command (children inherit it). */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(
                List.of("/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** What the cgroup reports now; see {@link Stats}. */
    Stats stats() {
        if (v2) {
            return new Stats(
                    read("memory.max"),
                    read("memory.current"),
                    readOr("memory.peak", -1),
                    stat("memory.stat", "anon") + stat("memory.stat", "shmem"),
                    stat("memory.stat", "file"),
                    stat("memory.stat", "inactive_file"),
                    stat("memory.events", "oom_kill"));
        }
        return new Stats(
                read("memory.limit_in_bytes"),
                read("memory.usage_in_bytes"),
                read("memory.max_usage_in_bytes"),
                stat("memory.stat", "total_rss") + stat("memory.stat", "total_shmem"),
                stat("memory.stat", "total_cache"),
                stat("memory.stat", "total_inactive_file"),
                stat("memory.oom_control", "oom_kill"));
    }

    /**
     * Bytes, as the cgroup counts them. {@code anonymous}: memory that cannot be reclaimed without swap (heaps, stacks,
     * shared memory); {@code file}: page cache charged to the tree (program code and data files, reclaimable when
     * clean); {@code workingSet} = usage − inactive file pages, the figure container runtimes report as the
     * container's memory use.
     */
    record Stats(long limit, long usage, long peak, long anonymous, long file, long inactiveFile, long oomKills) {
        long workingSet() {
            return Math.max(0, usage - inactiveFile);
        }
    }

    private long read(String file) {
        return readOr(file, 0);
    }

    private long readOr(String file, long missing) {
        try {
            String v =
                    Files.readString(dir.resolve(file), StandardCharsets.UTF_8).strip();
            return v.equals("max") ? Long.MAX_VALUE : Long.parseLong(v);
        } catch (IOException | NumberFormatException e) {
            return missing;
        }
    }

    private long stat(String file, String key) {
        try {
            for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
                String[] kv = line.strip().split("\\s+", -1);
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value), StandardCharsets.UTF_8);
    }

    /** Removes the cgroup; its processes must have ended. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Still has a process (the kernel refuses): it is empty and removable once that one exits.
        }
    }
}
