package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.OutboundQueue;
import org.wassist.standins.Await;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

/** One received batch: a failure holds the rest of its chat, and waiting commands never outlive their visibility. */
class OutboundBatchTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    private static final String CHAT = "447700900123@c.us";
    private static final String OTHER = "447700900456@c.us";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue(clock, VISIBILITY, 5);

    private static OutboundCommand text(String id, String chat) {
        return new OutboundCommand.SendText(id, chat, "text " + id, null, List.of());
    }

    private void awaitDrained() {
        assertThat(Await.until(() -> queue.depth() == 0, WAIT))
                .as("queue drained")
                .isTrue();
    }

    @Test
    void afterARetryableFailureTheRestOfTheChatWaitsAndThenGoesInOrder() {
        OutboundCommand first = text("c1", CHAT);
        OutboundCommand second = text("c2", CHAT);
        OutboundCommand elsewhere = text("c3", OTHER);
        queue.outbox().send(first);
        queue.outbox().send(second);
        queue.outbox().send(elsewhere);

        ScriptedChannel channel = new ScriptedChannel();
        channel.failNext(new ChannelException("network", true));

        try (PumpHarness h = new PumpHarness(tmp, clock, channel, queue, BridgeSettings.Pacing.none())) {
            awaitDrained();

            assertThat(h.channel.commands())
                    .as("the failed text first, again, before the one after it; the other chat is not held")
                    .containsExactly(first, elsewhere, first, second);
        }
        assertThat(queue.deadLetters()).isEmpty();
    }

    @Test
    void aPermanentFailureDoesNotHoldTheChatBecauseItIsNeverSent() {
        OutboundCommand doomed = text("c1", CHAT);
        OutboundCommand next = text("c2", CHAT);
        queue.outbox().send(doomed);
        queue.outbox().send(next);

        ScriptedChannel channel = new ScriptedChannel();
        channel.failNext(new ChannelException("chat not found", false));

        try (PumpHarness h = new PumpHarness(tmp, clock, channel, queue, BridgeSettings.Pacing.none())) {
            assertThat(Await.until(() -> queue.deadLetters().size() == 1, WAIT)).isTrue();

            assertThat(h.channel.commands()).containsExactly(doomed, next);
            assertThat(queue.deadLetters()).containsExactly(doomed);
        }
    }

    @Test
    void aBatchThatOutlastsTheVisibilityTimeoutKeepsItsWaitingCommandsInvisible() {
        // Ten chats, 5 s apart: the last send is 45 s after the receive, well past the 30 s visibility timeout.
        ExpiringReceiptQueue expiring = new ExpiringReceiptQueue(queue, clock, VISIBILITY);
        List<OutboundCommand> texts = IntStream.range(0, 10)
                .mapToObj(i -> text("c" + i, "4477009001" + i + "@c.us"))
                .toList();
        texts.forEach(queue.outbox()::send);
        BridgeSettings.Pacing fiveSecondsApart = new BridgeSettings.Pacing(
                Duration.ofSeconds(5),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO);

        try (PumpHarness h = new PumpHarness(tmp, clock, new ScriptedChannel(), expiring, fiveSecondsApart)) {
            awaitDrained();

            assertThat(h.channel.commands()).containsExactlyElementsOf(texts);
        }
        assertThat(expiring.lateCalls())
                .as("deletes with an expired receipt handle")
                .isEmpty();
    }

    @Test
    void aStopDuringAPacingWaitReleasesTheWholeBatchAtOnce() throws InterruptedException {
        List<OutboundCommand> texts = List.of(text("c1", CHAT), text("c2", CHAT), text("c3", OTHER));
        texts.forEach(queue.outbox()::send);
        CountDownLatch waiting = new CountDownLatch(1);
        Sleeper blockOnLongWaits = d -> {
            if (d.compareTo(VISIBILITY) < 0) {
                ClockSleeper.advancing(clock).sleep(d);
                return;
            }
            waiting.countDown();
            new CountDownLatch(1).await();
        };
        BridgeSettings.Pacing quietAfterConnect = new BridgeSettings.Pacing(
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(10),
                Duration.ZERO);
        ScriptedChannel channel = new ScriptedChannel();

        PumpHarness h = new PumpHarness(tmp, clock, channel, queue, quietAfterConnect, blockOnLongWaits);
        boolean inQuietPeriod;
        try {
            inQuietPeriod = waiting.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            h.close();
        }

        assertThat(inQuietPeriod).isTrue();
        assertThat(channel.commands()).isEmpty();
        assertThat(queue.receive(10, Duration.ZERO))
                .as("visible again at once, in order, not after the visibility timeout")
                .extracting(OutboundQueue.Received::command)
                .containsExactlyElementsOf(texts);
    }

    @Test
    void aFailureIsLoggedByItsCodeNeverByWhatThePageSaid() {
        String words = "the secret recipe is 3 eggs";
        ScriptedChannel channel = new ScriptedChannel();
        channel.failNext(new ChannelException(ChannelException.Code.REFUSED, "refused: " + words, true));
        channel.failNext(new ChannelException(ChannelException.Code.PAGE_ERROR, "page said: " + words, false));
        queue.outbox().send(text("c1", CHAT));
        queue.outbox().send(text("c2", OTHER));

        try (LogCapture logs = LogCapture.start();
                PumpHarness h = new PumpHarness(tmp, clock, channel, queue, BridgeSettings.Pacing.none())) {
            awaitDrained();

            assertThat(h.channel.commands())
                    .extracting(OutboundCommand::commandId)
                    .containsExactly("c1", "c2", "c1");
            assertThat(logs.lines())
                    .anyMatch(l -> l.contains("REFUSED"))
                    .anyMatch(l -> l.contains("PAGE_ERROR"))
                    .noneMatch(l -> l.contains("secret recipe"));
        }
    }
}
