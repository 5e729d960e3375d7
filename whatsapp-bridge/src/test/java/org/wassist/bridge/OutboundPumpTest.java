package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

/** The outbound pump through the whole app, with a scripted channel, in-memory queue and a clock the pump advances. */
class OutboundPumpTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHAT = "447700900123@c.us";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue(clock, Duration.ofSeconds(30), 5);
    private PumpHarness harness;
    private ScriptedChannel channel;
    private InMemoryMediaStore media;

    @BeforeEach
    void start() {
        harness = new PumpHarness(
                tmp, clock, new ScriptedChannel(), queue, PumpHarness.typingOnly(Duration.ofMillis(500)));
        channel = harness.channel;
        media = harness.media;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void awaitGone() {
        assertThat(Await.until(() -> queue.depth() == 0, WAIT))
                .as("queue drained")
                .isTrue();
    }

    @Test
    void textIsPrecededByTypingAndDeletedAfterTheSend() {
        OutboundCommand.SendText text = new OutboundCommand.SendText("c1", CHAT, "Hello", "false_q", List.of());
        queue.outbox().send(text);
        awaitGone();
        assertThat(channel.commands())
                .containsExactly(
                        new OutboundCommand.SetPresence("c1:typing", CHAT, OutboundCommand.Presence.TYPING), text);
    }

    @Test
    void aFailedSendStaysOnTheQueueAndIsRetriedWithBackoff() {
        channel.failNext(new ChannelException("network", true));
        OutboundCommand.SendReaction r = new OutboundCommand.SendReaction("c2", CHAT, "false_m", "👍");
        queue.outbox().send(r);
        assertThat(Await.until(() -> channel.commands().size() == 1, WAIT)).isTrue();
        assertThat(queue.depth()).as("kept after the failure").isEqualTo(1);
        awaitGone();
        assertThat(channel.commands()).containsExactly(r, r);
        assertThat(queue.deadLetters()).isEmpty();
    }

    @Test
    void aPermanentFailureIsNotAttemptedAgainAndEndsInTheDeadLetterQueue() {
        channel.failNext(new ChannelException("chat not found", false));
        OutboundCommand.SendReaction r = new OutboundCommand.SendReaction("c3", CHAT, "false_m", "👍");
        queue.outbox().send(r);
        assertThat(Await.until(() -> queue.deadLetters().size() == 1, WAIT)).isTrue();
        assertThat(channel.commands()).containsExactly(r);
    }

    @Test
    void mediaComesFromTheStoreAndAMissingObjectIsPermanent() {
        media.put("outbound/a.ogg", new byte[] {1, 2, 3}, "audio/ogg");
        OutboundCommand.SendVoiceNote v =
                new OutboundCommand.SendVoiceNote("c4", CHAT, "outbound/a.ogg", "audio/ogg", null);
        queue.outbox().send(v);
        awaitGone();
        assertThat(channel.performed()).containsExactly(new ScriptedChannel.Performed(v, 3));

        OutboundCommand.SendImage missing =
                new OutboundCommand.SendImage("c5", CHAT, "outbound/none.png", "image/png", "cap", null);
        queue.outbox().send(missing);
        assertThat(Await.until(() -> queue.deadLetters().size() == 1, WAIT)).isTrue();
        assertThat(channel.commands()).doesNotContain(missing);
    }

    @Test
    void nothingIsReceivedWhileTheChannelIsNotReady() {
        channel.status(new ChannelStatus("connecting", false, List.of()));
        OutboundCommand.SetPresence p = new OutboundCommand.SetPresence("c6", CHAT, OutboundCommand.Presence.RECORDING);
        queue.outbox().send(p);
        clock.advance(Duration.ofMinutes(5));
        assertThat(channel.commands()).isEmpty();
        assertThat(queue.receive(1, Duration.ZERO))
                .singleElement()
                .satisfies(r -> assertThat(r.receiveCount())
                        .as("never received by the pump")
                        .isEqualTo(1));
        clock.advance(Duration.ofMinutes(1));
        channel.status(new ChannelStatus("connected", true, List.of()));
        awaitGone();
        assertThat(channel.commands()).containsExactly(p);
    }
}
