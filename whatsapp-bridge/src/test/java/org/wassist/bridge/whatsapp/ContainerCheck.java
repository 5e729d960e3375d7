package org.wassist.bridge.whatsapp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;
import org.wassist.standins.StandIns;

/**
 * Checks the bridge's container image against the stand-ins and the imitation page, configured as the ECS task is
 * (environment only, no capabilities, Chromium's sandbox off): the first start (user, PID 1, profile directory,
 * health check, the injected script, inbound and outbound, SIGTERM and temp files, what it writes outside its
 * volumes), a restart with the linked profile and the memory after the benchmark's traffic, and a read-only root with
 * /tmp and the profile as volumes. Prints PASS, FAIL and INFO lines; exits 1 when a check failed.
 *
 * <p>Run: {@code scripts/container-check.sh}, which builds the image first (docs/whatsapp-bridge.md, "Container"),
 * with the image as system property {@code wassist.container.image}.
 */
public final class ContainerCheck {
    static final Duration WAIT = Duration.ofMinutes(2);
    static final String NAME = "wassist-container-check";
    static final String PROFILE = NAME + "-profile";
    private static final String CHAT = "447700909002@c.us";
    /** The seed's container limit, the bridge's memory target (docs/benchmarks.md). */
    static final String MEMORY_LIMIT = "512m";

    private final String image;
    private final FakeWhatsApp wa;
    private final Verdicts v;
    private @Nullable BridgeContainer current;

    private ContainerCheck(String image, FakeWhatsApp wa, Verdicts v) {
        this.image = image;
        this.wa = wa;
        this.v = v;
    }

    public static void main(String[] args) {
        String image = System.getProperty("wassist.container.image", "localhost/wassist-bridge:check");
        Verdicts v = new Verdicts();
        try (FakeWhatsApp wa = new FakeWhatsApp()) {
            StandIns.sqs();
            StandIns.s3();
            ContainerCheck check = new ContainerCheck(image, wa, v);
            ReadOnlyRoot readOnly = new ReadOnlyRoot(check, v);
            check.run("first start", check::firstStart);
            check.run("restart", check::restartAndMeasure);
            check.run("read-only root", readOnly::volumesForTmpAndProfile);
            check.run("read-only root, /tmp a root-owned directory", readOnly::rootOwnedTmp);
        } finally {
            StandIns.close();
            ReadOnlyRoot.removeVolumes();
        }
        System.exit(v.summary());
    }

    /** A scenario; an exception ends it as one failed check with the container's last log lines. */
    interface Scenario {
        void run() throws Exception;
    }

    private void run(String name, Scenario s) {
        v.scenario(name);
        long t0 = System.nanoTime();
        try {
            s.run();
        } catch (Exception | AssertionError e) {
            BridgeContainer c = current;
            v.fail("the scenario ran to its end", e + (c == null ? "" : "\nlast log lines:\n" + tail(c.logs())));
        } finally {
            v.info("took " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
        }
    }

    BridgeContainer start(String suffix, List<String> options) {
        BridgeContainer c = BridgeContainer.start(image, NAME + "-" + suffix, env(wa), options);
        current = c;
        return c;
    }

    /** BridgeProcess's environment as the container sees it: the image's own paths and port, the host as HOST. */
    static Map<String, String> env(FakeWhatsApp wa) {
        Map<String, String> env = new TreeMap<>(BridgeProcess.env(Path.of("/tmp"), wa.url("")));
        List.of("PATH", "PORT", "PROFILE_DIR", "BRIDGE_TEMP_DIR", "PLAYWRIGHT_NODEJS_PATH")
                .forEach(env::remove);
        env.replaceAll((k, val) -> val.replace("127.0.0.1", BridgeContainer.HOST));
        env.putAll(BridgeBenchmark.FAST);
        // As the ECS task (infra BridgeTask): no sandbox without capabilities, the whole stop within 45 s.
        env.put("CHROMIUM_NO_SANDBOX", "true");
        env.put("SHUTDOWN_GRACE_SECONDS", "45");
        return env;
    }

    private void firstStart() {
        BridgeContainer.podman("volume", "rm", "--force", PROFILE);
        try (BridgeContainer c = start("first", List.of("--volume", PROFILE + ":/data/profile"))) {
            v.check("/healthz answers 200", Await.until(() -> c.status("/healthz") == 200, WAIT), () -> tail(c.logs()));
            v.check(
                    "the image's HEALTHCHECK passes (podman healthcheck run)",
                    c.healthcheck() == 0,
                    () -> tail(c.logs()));
            String pid1 =
                    c.exec("cat", "/proc/1/cmdline").output().replace('\0', ' ').strip();
            v.check(
                    "tini is PID 1 and starts the JVM",
                    pid1.startsWith("/usr/bin/tini -- java @/app/jvm.options -jar /app/whatsapp-bridge.jar"),
                    () -> pid1);
            String profile = c.exec("stat", "--format", "%a %u:%g", "/data/profile")
                    .output()
                    .strip();
            v.check("/data/profile is 0700 and owned by 10001", profile.equals("700 10001:10001"), () -> profile);
            linkAndRelay(c);
            List<ProcessHandle> tree = ContainerProcesses.tree(c.pid());
            List<String> ids =
                    tree.stream().map(ContainerProcesses::identity).distinct().toList();
            Set<String> programs = ContainerProcesses.programs(tree);
            v.check(
                    "every process (tini, JVM, driver, Chromium) runs as uid/gid 10001 without capabilities",
                    programs.containsAll(Set.of("tini", "java", "node", "chromium"))
                            && ids.equals(List.of("uid=10001 gid=10001 capEff=0000000000000000")),
                    () -> programs + " " + ids);
            List<String> during = c.exec("ls", "-A", "/tmp").output().lines().toList();
            v.check(
                    "its temp directories are under /tmp while it runs",
                    during.stream().anyMatch(n -> n.startsWith("wassist-bridge-")),
                    during::toString);
            stopsGracefully(c);
            writesOnlyToTmp(c.diff());
        }
    }

    /** The injected script attached (unpaired on /readyz), a scan links it, a message goes in and one goes out. */
    void linkAndRelay(BridgeContainer c) {
        v.check(
                "the injected script attached: /readyz names the session state (unpaired)",
                Await.until(() -> c.body("/readyz").contains("channel: state=unpaired"), WAIT),
                () -> c.body("/readyz"));
        wa.command("scan");
        v.check(
                "linked by the imitation page's scan: /readyz answers 200",
                Await.until(() -> c.status("/readyz") == 200, WAIT),
                () -> c.body("/readyz"));
        String stanza = "3EB0CHECK" + System.nanoTime();
        wa.command("receive", Map.of("msg", Raw.direct(CHAT, stanza, "chat", "container check")));
        List<Envelope> in = Stack.inbound(e -> e.messageId().contains(stanza), 1, WAIT);
        v.check(
                "a message received on the imitation page lands on the inbound queue (ElasticMQ)",
                in.size() == 1,
                () -> "no envelope for message " + stanza);
        int sent = wa.calls("addAndSendMsgToChat").size();
        Stack.outbox().send(new OutboundCommand.SendText("check-" + stanza, CHAT, "reply", null, List.of()));
        v.check(
                "a command on the outbound queue is sent through the page and deleted",
                Await.until(() -> wa.calls("addAndSendMsgToChat").size() > sent && Stack.outboundDepth() == 0, WAIT),
                () -> "page calls: " + wa.calls("addAndSendMsgToChat").size() + ", outbound depth "
                        + Stack.outboundDepth());
    }

    void stopsGracefully(BridgeContainer c) {
        int code = c.stop();
        v.check(
                "SIGTERM (podman stop) ends it gracefully: exit code 0 or 143, \"bridge stopped\" logged",
                (code == 0 || code == 143) && c.logs().contains("bridge stopped"),
                () -> "exit code " + code + "; last log lines:\n" + tail(c.logs()));
    }

    /** What the first start wrote to the image's filesystem: its temp directories must be gone, nothing outside /tmp. */
    private void writesOnlyToTmp(List<String> diff) {
        List<String> left = diff.stream()
                .filter(l -> l.startsWith("A /tmp/wassist-bridge-"))
                .toList();
        v.check("no temp files of the bridge are left after SIGTERM", left.isEmpty(), left::toString);
        List<String> outside = diff.stream()
                .filter(l -> !l.equals("C /tmp") && !l.substring(2).startsWith("/tmp/"))
                .toList();
        v.check(
                "nothing is written outside /tmp and the profile volume (so a read-only root needs volumes for"
                        + " those two only)",
                outside.isEmpty(),
                outside::toString);
        diff.stream()
                .filter(l -> l.startsWith("A /tmp/") && !l.startsWith("A /tmp/wassist-bridge-"))
                .forEach(l -> v.info("left in /tmp after the stop: " + l.substring(2)));
    }

    /**
     * The restart runs under the memory limit of the seed's container ({@value #MEMORY_LIMIT}, swap included), with
     * the page cache dropped first so that the image's program files are read again and charged to the container, as
     * in a fresh task: it must get ready, relay the traffic and not be OOM-killed.
     */
    private void restartAndMeasure() {
        v.info(
                MemoryCgroup.dropPageCache()
                        ? "page cache dropped: the image's files count against the container's memory limit"
                        : "page cache not dropped (not root): files read before are not charged to the limit");
        List<String> options = List.of(
                "--volume", PROFILE + ":/data/profile", "--memory", MEMORY_LIMIT, "--memory-swap", MEMORY_LIMIT);
        try (BridgeContainer c = start("restart", options)) {
            v.check(
                    "a restart with the linked profile, under a " + MEMORY_LIMIT + " memory limit, is ready without a"
                            + " new scan",
                    Await.until(() -> c.status("/readyz") == 200, WAIT),
                    () -> c.body("/readyz"));
            BridgeBenchmark.traffic(wa);
            Await.until(() -> false, BridgeBenchmark.SETTLE);
            v.check(
                    "after the traffic it is still ready and was not OOM-killed under the " + MEMORY_LIMIT + " limit",
                    c.running() && c.inspect("{{.State.OOMKilled}}").equals("false") && c.status("/readyz") == 200,
                    () -> "running " + c.running() + ", OOMKilled " + c.inspect("{{.State.OOMKilled}}"));
            v.info("image: "
                    + c.exec("java", "-version").output().lines().findFirst().orElse("?") + "; "
                    + c.exec("/usr/lib/chromium/chromium", "--version").output().strip() + "; node "
                    + c.exec("node", "--version").output().strip());
            ContainerMemory.print(c.pid());
            stopsGracefully(c);
        }
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
