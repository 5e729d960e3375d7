package org.wassist.bridge;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.wassist.outbox.OutboundQueue;
import org.wassist.testkit.inbound.InMemoryInboundPublisher;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.time.MutableClock;

/**
 * The whole app around a scripted channel and the given queue, on a clock that the pump's waits advance: a pacing wait
 * or a retry backoff takes no real time.
 */
final class PumpHarness implements AutoCloseable {
    /** The in-memory queues of these tests have a 30 s visibility timeout; the pump is told the same. */
    static final BridgeSettings.Outbound OUTBOUND = new BridgeSettings.Outbound(
            10,
            Duration.ZERO,
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    final ScriptedChannel channel;
    final InMemoryMediaStore media = new InMemoryMediaStore();
    private final BridgeApp app;

    /** Starts the app; script the channel's failures before, the pump may receive at once. */
    PumpHarness(
            Path tmp, MutableClock clock, ScriptedChannel channel, OutboundQueue queue, BridgeSettings.Pacing pacing) {
        this(tmp, clock, channel, queue, pacing, ClockSleeper.advancing(clock));
    }

    PumpHarness(
            Path tmp,
            MutableClock clock,
            ScriptedChannel channel,
            OutboundQueue queue,
            BridgeSettings.Pacing pacing,
            Sleeper sleeper) {
        this.channel = channel;
        app = BridgeApp.builder()
                .settings(BridgeSettings.defaults()
                        .withPort(0)
                        .withTempRoot(tmp)
                        .withPacing(pacing)
                        .withOutbound(OUTBOUND))
                .channel(channel)
                .publisher(new InMemoryInboundPublisher())
                .outbound(queue)
                .media(media)
                .clock(clock)
                .sleeper(sleeper)
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream()))
                .build();
        app.start();
    }

    /** Pacing with every wait zero except the typing time, fixed at {@code typing}. */
    static BridgeSettings.Pacing typingOnly(Duration typing) {
        return new BridgeSettings.Pacing(
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                typing,
                typing,
                Duration.ZERO,
                Duration.ZERO);
    }

    @Override
    public void close() {
        app.close();
    }
}
