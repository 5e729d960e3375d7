package org.wassist.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.local.LocalSettings;
import org.wassist.local.LocalWiring;
import org.wassist.standins.openai.FakeOpenAi;

/**
 * Pipeline overhead of the all-local stack per text message: the stand-ins on a fresh data directory, the router
 * consuming in-process and the bridge with the simulator channel, exactly as {@code scripts/run-local.sh} wires them,
 * with a zero-latency fake model (a fixed one-word reply). Messages go through the simulator API. Per message it
 * measures from the inbound queue accepting the envelope to the channel being handed the reply, and subtracts the
 * model call as the router saw it. A paced phase (open loop, fixed rate, below saturation) gives the overhead; a
 * burst phase (many chats, posted as fast as the API takes them) gives the throughput. Both check that every message
 * got exactly one reply and that each chat's replies came in order. See docs/benchmarks.md.
 *
 * <p>Arguments (all optional): {@code --messages=1000 --chats=100 --rate=20 --warmup=300 --burstMessages=2000
 * --burstChats=1000 --workers=4}.
 */
public final class PipelineBenchmark {
    static final String REPLY = "ok";
    static final String API_KEY = "pipeline-benchmark-key";

    private PipelineBenchmark() {}

    /** The benchmark's knobs. */
    record Options(int messages, int chats, int rate, int warmup, int burstMessages, int burstChats, int workers) {
        static Options parse(String[] args) {
            Map<String, Integer> v = new HashMap<>(Map.of(
                    "messages", 1000,
                    "chats", 100,
                    "rate", 20,
                    "warmup", 300,
                    "burstMessages", 2000,
                    "burstChats", 1000,
                    "workers", 4));
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2 || !v.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; known: --" + v.keySet());
                }
                v.put(kv[0], Integer.parseInt(kv[1]));
            }
            Options o = new Options(
                    v.getOrDefault("messages", 0),
                    v.getOrDefault("chats", 0),
                    v.getOrDefault("rate", 0),
                    v.getOrDefault("warmup", 0),
                    v.getOrDefault("burstMessages", 0),
                    v.getOrDefault("burstChats", 0),
                    v.getOrDefault("workers", 0));
            if (o.messages() < o.chats()
                    || o.chats() < 1
                    || o.burstMessages() < o.burstChats()
                    || o.burstChats() < 1
                    || o.rate() < 1
                    || o.warmup() < 0
                    || o.workers() < 1) {
                throw new IllegalArgumentException(
                        "need messages >= chats >= 1, burstMessages >= burstChats >= 1, rate >= 1, warmup >= 0,"
                                + " workers >= 1");
            }
            return o;
        }
    }

    public static void main(String[] args) {
        Options o = Options.parse(args);
        Path dataDir = Path.of(System.getProperty("wassist.bench.dataDir", "target/pipeline-benchmark"))
                .toAbsolutePath()
                .resolve("run-" + System.currentTimeMillis());
        PipelineProbe probe = new PipelineProbe();
        try (FakeOpenAi fake = FakeOpenAi.start().fixed(REPLY)) {
            AppConfig config = ConfigLoader.load(
                    Map.of(
                            "OPENAI_API_KEY",
                            API_KEY,
                            "OPENAI_BASE_URL",
                            fake.baseUrl().toString()),
                    Profile.LOCAL);
            LocalSettings settings = new LocalSettings(0, dataDir, LocalSettings.Channel.SIMULATOR, false, o.workers());
            try (LocalWiring run = LocalWiring.start(settings, config, Clock.systemUTC(), probe.hooks())) {
                Phases phases = new Phases(new SimSender(run.port()), probe);
                Out.line("## Pipeline overhead");
                Out.line("");
                Out.line("Machine: " + Machine.describe());
                Out.line("Load average at the start: " + Machine.loadAverage());
                Out.line("Options: " + o + "; data directory " + dataDir);
                if (o.warmup() > 0) {
                    PhaseResult warm = phases.paced("warmup", o.warmup(), o.chats(), o.rate());
                    Out.line("Warm-up: " + warm.size() + " messages, lost " + warm.lost() + " (not reported)");
                }
                Report.print(phases.paced("paced", o.messages(), o.chats(), o.rate()), o.rate() + " messages/s");
                Report.print(
                        phases.burst("burst", o.burstMessages(), o.burstChats()),
                        "as fast as " + Phases.BURST_SENDERS + " concurrent senders post");
                Out.line("");
                Out.line("Load average at the end: " + Machine.loadAverage());
            }
        }
        DataDirs.deleteQuietly(dataDir);
    }
}
