package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;
import org.wassist.standins.StandIns;

/**
 * Benchmark: the packaged bridge (target/whatsapp-bridge.jar) as a child process against the imitation page and the
 * stand-ins. Prints the time from process start to the QR (first start, unlinked), from process start to /readyz 200
 * (restart with a linked profile), and steady-state memory after some traffic: the JVM and the Playwright driver
 * (RSS) and Chromium's processes (RSS and PSS summed), read from /proc, and the tree's footprint (its distinct resident
 * pages).
 *
 * <p>Run: {@code ./mvnw -B -pl whatsapp-bridge package -Pbuild-only && ./mvnw -B -q -pl whatsapp-bridge exec:exec@bench}
 */
public final class BridgeBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int MESSAGES = 30;
    static final Duration SETTLE = Duration.ofSeconds(30);
    private static final long LIMIT_MIB = 512;
    /** No pacing, typing delays or reconnect quiet time: the traffic runs at once. */
    static final Map<String, String> FAST = Map.of(
            "PACING_GLOBAL_MS",
            "0",
            "PACING_CHAT_MS",
            "0",
            "PACING_JITTER_MS",
            "0",
            "TYPING_MIN_MS",
            "0",
            "TYPING_MAX_MS",
            "0",
            "RECONNECT_QUIET_SECONDS",
            "0",
            "RECONNECT_WARMUP_SECONDS",
            "0");

    private BridgeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(Path.of("/tmp"), "wbb-");
        try (FakeWhatsApp wa = new FakeWhatsApp()) {
            StandIns.sqs();
            StandIns.s3();
            Out.line("machine: " + Machine.describe());
            long t0 = System.nanoTime();
            try (BridgeProcess first = new BridgeProcess(work, wa.url(""), FAST)) {
                await(() -> first.output().contains("a new QR code"), first);
                Out.line(String.format(Locale.ROOT, "first start (unlinked) to QR shown: %d ms", ms(t0)));
                int port = first.port(WAIT).orElseThrow();
                wa.command("scan");
                await(() -> status(port, "/readyz") == 200, first);
                first.terminate(Duration.ofSeconds(60));
            }
            long t1 = System.nanoTime();
            try (BridgeProcess second = new BridgeProcess(work, wa.url(""), FAST)) {
                int port = second.port(WAIT).orElseThrow();
                await(() -> status(port, "/readyz") == 200, second);
                Out.line(String.format(Locale.ROOT, "restart (linked profile) to /readyz 200: %d ms", ms(t1)));
                traffic(wa, "a");
                Await.until(() -> false, SETTLE);
                Memory.print(second.process.toHandle());
                second.terminate(Duration.ofSeconds(60));
            }
            underLimit(work, wa, FAST);
        } finally {
            ShortTempDir.delete(work);
            StandIns.close();
        }
    }

    /**
     * A third start on the same profile inside a memory cgroup limited to {@link #LIMIT_MIB} MiB for the whole tree,
     * as the container's limit: the bridge must get ready, relay the same traffic and keep every process; the
     * cgroup's figures show how much of the limit is memory the kernel cannot reclaim.
     */
    private static void underLimit(Path work, FakeWhatsApp wa, Map<String, String> env) throws Exception {
        long limit = LIMIT_MIB * 1024 * 1024;
        Optional<MemoryCgroup> cgroup =
                MemoryCgroup.create("wassist-bench-" + ProcessHandle.current().pid(), limit);
        if (cgroup.isEmpty()) {
            Out.line("under a " + LIMIT_MIB + " MiB limit: not measured (needs root and the cgroup memory controller)");
            return;
        }
        try (MemoryCgroup group = cgroup.get()) {
            Out.line(
                    MemoryCgroup.dropPageCache()
                            ? "page cache dropped: the tree's program files are read again and count against its limit"
                            : "page cache not dropped (not root): program files read before are not charged to the"
                                    + " limit, so the cgroup's usage is too low");
            long t = System.nanoTime();
            try (BridgeProcess p = new BridgeProcess(work, wa.url(""), env, group::wrap)) {
                int port = p.port(WAIT).orElseThrow();
                await(() -> status(port, "/readyz") == 200, p);
                Out.line(String.format(
                        Locale.ROOT, "under a %d MiB limit: restart to /readyz 200: %d ms", LIMIT_MIB, ms(t)));
                traffic(wa, "b");
                Await.until(() -> false, SETTLE);
                boolean ready = status(port, "/readyz") == 200;
                Memory.print(p.process.toHandle());
                MemoryCgroup.Stats s = group.stats();
                Out.line(String.format(
                        Locale.ROOT,
                        "cgroup: limit %d MiB, usage %d MiB, peak %d MiB, working set (usage - inactive file) %d MiB,"
                                + " anonymous %d MiB, page cache %d MiB, OOM kills %d, still ready: %s",
                        s.limit() >> 20,
                        s.usage() >> 20,
                        s.peak() >> 20,
                        s.workingSet() >> 20,
                        s.anonymous() >> 20,
                        s.file() >> 20,
                        s.oomKills(),
                        ready));
                p.terminate(Duration.ofSeconds(60));
            }
        }
    }

    /** The traffic before the memory is read: MESSAGES texts in and MESSAGES texts out, in one chat. */
    static void traffic(FakeWhatsApp wa) {
        traffic(wa, "a");
    }

    /** The same traffic in a chat and with ids of its own for each round, so rounds never repeat an id. */
    private static void traffic(FakeWhatsApp wa, String round) {
        String chat = "4477009090" + (round.equals("a") ? "01" : "02") + "@c.us";
        for (int i = 0; i < MESSAGES; i++) {
            String id = "3EB0BENCH" + round.toUpperCase(Locale.ROOT) + i;
            wa.command("receive", Map.of("msg", Raw.direct(chat, id, "chat", "benchmark message " + i)));
            Stack.outbox()
                    .send(new OutboundCommand.SendText(
                            "bench-" + round + "-" + i, chat, "reply " + i, null, List.of()));
        }
        Stack.inbound(e -> e.chatId().equals(chat), MESSAGES, WAIT);
        Await.until(() -> Stack.outboundDepth() == 0, WAIT);
        Out.line("traffic: " + MESSAGES + " inbound envelopes published, " + MESSAGES + " outbound texts sent");
    }

    private static void await(java.util.function.BooleanSupplier condition, BridgeProcess p) {
        if (!Await.until(condition, WAIT)) {
            throw new IllegalStateException("the bridge did not get there; its output:\n" + p.output());
        }
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long ms(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    /** Memory of the bridge's process tree from /proc. */
    static final class Memory {
        private Memory() {}

        static void print(ProcessHandle jvm) {
            long jvmRss = kib(jvm.pid(), "status", "VmRSS:");
            long jvmPss = kib(jvm.pid(), "smaps_rollup", "Pss:");
            long driverRss = 0;
            long chromeRss = 0;
            long chromePss = 0;
            long driverPss = 0;
            int chromes = 0;
            for (ProcessHandle p : jvm.descendants().toList()) {
                String cmd = p.info().command().orElse("");
                if (cmd.contains("chrom")) {
                    chromes++;
                    long pss = kib(p.pid(), "smaps_rollup", "Pss:");
                    chromeRss += kib(p.pid(), "status", "VmRSS:");
                    chromePss += pss;
                    Out.line(String.format(
                            Locale.ROOT,
                            "  chromium %s (pid %d): PSS %d MiB",
                            BridgeProcess.role(BridgeProcess.commandLine(p.pid())),
                            p.pid(),
                            pss / 1024));
                } else {
                    driverRss += kib(p.pid(), "status", "VmRSS:");
                    driverPss += kib(p.pid(), "smaps_rollup", "Pss:");
                }
            }
            Out.line("other processes of the same programs on the machine (shared pages lower PSS): "
                    + Others.describe(jvm));
            Out.line(String.format(Locale.ROOT, "JVM: RSS %d MiB, PSS %d MiB", jvmRss / 1024, jvmPss / 1024));
            Out.line(String.format(
                    Locale.ROOT,
                    "Playwright driver (node): RSS %d MiB, PSS %d MiB",
                    driverRss / 1024,
                    driverPss / 1024));
            Out.line(String.format(
                    Locale.ROOT,
                    "Chromium: %d processes, RSS sum %d MiB, PSS sum %d MiB",
                    chromes,
                    chromeRss / 1024,
                    chromePss / 1024));
            Out.line(String.format(
                    Locale.ROOT,
                    "total: RSS sum %d MiB, PSS sum %d MiB (target <= 512 MiB)",
                    (jvmRss + driverRss + chromeRss) / 1024,
                    (jvmPss + driverPss + chromePss) / 1024));
            // The JVM and the driver share their binaries' pages with any other Java or Node process on the machine
            // (this benchmark's own JVM among them), which lowers their PSS; in the container nothing shares them.
            Out.line(String.format(
                    Locale.ROOT,
                    "total alone (JVM RSS + driver RSS + Chromium PSS, as in the container): %d MiB",
                    (jvmRss + driverRss + chromePss) / 1024));
            List<Long> tree = new java.util.ArrayList<>();
            tree.add(jvm.pid());
            jvm.descendants().forEach(p -> tree.add(p.pid()));
            Footprint.Pages pages = Footprint.uniquePages(tree);
            Out.line(
                    pages.all() < 0
                            ? "footprint (distinct resident pages of the tree): not readable (needs root for page frames)"
                            : String.format(
                                    Locale.ROOT,
                                    "footprint (distinct resident pages of the tree, the PSS sum when nothing outside"
                                            + " shares them, as in the container): %d MiB, of which anonymous"
                                            + " (heaps, stacks, shared memory: not reclaimable without swap) %d MiB"
                                            + " and file-backed (program code and data: reclaimable) %d MiB",
                                    (pages.all() * Footprint.PAGE) >> 20,
                                    (pages.anonymous() * Footprint.PAGE) >> 20,
                                    ((pages.all() - pages.anonymous()) * Footprint.PAGE) >> 20));
        }

        static long kib(long pid, String file, String key) {
            try {
                for (String line :
                        Files.readAllLines(Path.of("/proc", Long.toString(pid), file), StandardCharsets.UTF_8)) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(
                                line.substring(key.length()).replace("kB", "").strip());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }

    /**
     * The tree's memory counted as the container sees it: every resident page mapped by one of the processes, once,
     * from {@code /proc/PID/pagemap}. Unlike the PSS sum it does not drop when other Chromium, Java or Node processes on
     * the machine map the same binaries, so runs on a busy machine stay comparable. Page frame numbers need root
     * (CAP_SYS_ADMIN); without them it returns -1.
     */
    static final class Footprint {
        static final long PAGE = 4096;
        private static final long PRESENT = 1L << 63;
        private static final long PFN_MASK = (1L << 55) - 1;
        private static final Pattern RANGE = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

        private Footprint() {}

        /** Distinct resident pages, and those of them in anonymous or shared-memory mappings; -1 when unreadable. */
        record Pages(long all, long anonymous) {}

        static Pages uniquePages(List<Long> pids) {
            Set<Long> frames = new HashSet<>();
            Set<Long> anonymous = new HashSet<>();
            boolean anyFrame = false;
            for (long pid : pids) {
                Path proc = Path.of("/proc", Long.toString(pid));
                try (FileChannel pagemap = FileChannel.open(proc.resolve("pagemap"), StandardOpenOption.READ)) {
                    long start = -1;
                    long end = -1;
                    boolean anon = false;
                    for (String line : Files.readAllLines(proc.resolve("smaps"), StandardCharsets.UTF_8)) {
                        Matcher m = RANGE.matcher(line);
                        if (m.find()) {
                            start = Long.parseUnsignedLong(m.group(1), 16);
                            end = Long.parseUnsignedLong(m.group(2), 16);
                            anon = anonymous(line);
                        } else if (line.startsWith("Rss:") && start >= 0 && !line.matches("Rss:\\s+0 kB")) {
                            anyFrame |= read(pagemap, start, end, anon ? anonymous : frames);
                        }
                    }
                } catch (IOException e) {
                    // The process ended meanwhile: it no longer holds memory.
                }
            }
            frames.removeAll(anonymous);
            return anyFrame ? new Pages(frames.size() + anonymous.size(), anonymous.size()) : new Pages(-1, -1);
        }

        /** A mapping of no file, or of shared memory (memfd, /dev/shm, SysV): the kernel cannot drop its pages. */
        static boolean anonymous(String smapsHeader) {
            String[] f = smapsHeader.trim().split("\\s+", 6);
            String path = f.length == 6 ? f[5] : "";
            return path.isEmpty()
                    || path.startsWith("[")
                    || path.startsWith("/memfd:")
                    || path.startsWith("/dev/shm/")
                    || path.startsWith("/SYSV");
        }

        /** Adds the frames of the present pages in [start, end) and tells whether it saw any, in 64 KiB reads. */
        private static boolean read(FileChannel pagemap, long start, long end, Set<Long> frames) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
            boolean any = false;
            long stop = end / PAGE * 8;
            for (long pos = start / PAGE * 8; pos < stop; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), stop - pos));
                int n = pagemap.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
                buf.flip();
                while (buf.remaining() >= 8) {
                    long entry = buf.getLong();
                    long frame = entry & PFN_MASK;
                    if ((entry & PRESENT) != 0 && frame != 0) {
                        frames.add(frame);
                        any = true;
                    }
                }
            }
            return any;
        }
    }

    /**
     * Processes outside the bridge's tree that run the same Chromium, Java or Node binaries. PSS divides a shared page
     * among the processes that map it, so they lower the bridge's figures; runs without them are the ones to compare.
     */
    static final class Others {
        private Others() {}

        static String describe(ProcessHandle bridge) {
            Set<Long> ours = new HashSet<>();
            for (ProcessHandle up = ProcessHandle.current();
                    up != null;
                    up = up.parent().orElse(null)) {
                ours.add(up.pid()); // this benchmark and the build that started it
            }
            ours.add(bridge.pid());
            bridge.descendants().forEach(p -> ours.add(p.pid()));
            String java = bridge.info().command().orElse("java");
            return "chromium " + count(ours, c -> c.contains("chromium")) + ", java " + count(ours, c -> c.equals(java))
                    + ", node " + count(ours, c -> c.endsWith("/node"));
        }

        private static long count(Set<Long> ours, Predicate<String> command) {
            return ProcessHandle.allProcesses()
                    .filter(p -> !ours.contains(p.pid())
                            && p.pid() != ProcessHandle.current().pid())
                    .filter(p -> command.test(p.info().command().orElse("")))
                    .count();
        }
    }

    /** The machine the figures come from. */
    static final class Machine {
        private Machine() {}

        static String describe() throws IOException {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown CPU");
            long memKib = meminfo();
            return Runtime.getRuntime().availableProcessors() + " vCPU " + cpu + ", " + memKib / 1024 / 1024
                    + " GiB RAM, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                    + System.getProperty("java.version") + ", "
                    + ChromiumFlags.installedVersion(
                            WhatsAppSettings.defaults(Path.of("/tmp")).chromium())
                    + " (Chromium major)";
        }

        private static long meminfo() throws IOException {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
        }
    }

    /** The benchmark's one output channel: its figures go to standard output. */
    static final class Out {
        private static final PrintStream OUT = System.out;

        private Out() {}

        static void line(String s) {
            OUT.println(s);
            OUT.flush();
        }
    }
}
