package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.wassist.message.OutboundCommand;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

class CommandSenderTest {
    private final MutableClock clock = new MutableClock();
    private final ScriptedChannel channel = new ScriptedChannel();
    private final SendGuard guard = new SendGuard();
    private final CommandSender sender = new CommandSender(
            channel,
            new InMemoryMediaStore(),
            new Pacer(BridgeSettings.Pacing.none(), RandomGenerator.getDefault()),
            clock,
            ClockSleeper.advancing(clock),
            guard,
            Duration.ofSeconds(5));

    @Test
    void aStopDuringTheAcknowledgementDoesNotInterruptIt() throws Exception {
        InMemoryOutboundQueue queue = new InMemoryOutboundQueue(clock);
        queue.outbox().send(new OutboundCommand.SendText("c1", "447700900123@c.us", "hi", null, List.of()));
        List<org.wassist.outbox.OutboundQueue.Received> batch = queue.receive(10, Duration.ZERO);
        BatchLease lease = new BatchLease(queue, Duration.ofSeconds(30), batch, clock.instant());
        AtomicBoolean interruptedWhileAcking = new AtomicBoolean(true);

        sender.send(batch.get(0).command(), lease, () -> {
            guard.stop(Thread.currentThread());
            interruptedWhileAcking.set(Thread.currentThread().isInterrupted());
            lease.ack(batch.get(0));
        });

        assertThat(interruptedWhileAcking)
                .as("the delete after the send runs uninterrupted")
                .isFalse();
        assertThat(queue.depth()).isZero();
        assertThat(guard.stopping()).isTrue();
    }
}
