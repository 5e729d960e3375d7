package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.bridge.BridgeSettings;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;

/**
 * The pacer after a reconnect, in real Chromium on ElasticMQ: commands queued while the session was down are held for
 * the quiet period, then leave at the warm-up's tripled intervals, never as a burst. The assertions compare the page's
 * own timestamps of the sends with each other and with the configured minimums.
 */
class ReconnectPacingIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration GLOBAL = Duration.ofMillis(400);
    private static final Duration PER_CHAT = Duration.ofSeconds(1);
    private static final int WARMUP_FACTOR = 3;
    /** The page's and the JVM's clocks are the same clock, read a millisecond apart at worst. */
    private static final long TOLERANCE_MS = 20;

    private static final String A = "447700900971@c.us";
    private static final String B = "447700900972@c.us";

    private final Path dir = ShortTempDir.create();
    private final FakeWhatsApp wa = new FakeWhatsApp();
    private final BridgeSettings settings = BridgeUnderTest.settings(dir.resolve("tmp"))
            .withPacing(new BridgeSettings.Pacing(
                    GLOBAL,
                    PER_CHAT,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    QUIET,
                    Duration.ofMinutes(2)));
    private final BridgeUnderTest bridge = new BridgeUnderTest(
            dir.resolve("tmp"),
            BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
            Stack.parts(),
            settings);

    @AfterEach
    void stop() {
        bridge.close();
        wa.close();
        ShortTempDir.delete(dir);
    }

    @Test
    void aBacklogAfterAReconnectWaitsForTheQuietPeriodThenLeavesAtWarmUpIntervals() throws InterruptedException {
        bridge.awaitState("unpaired");
        wa.command("scan");
        bridge.awaitState("connected");

        long reconnectedAt =
                Offline.queueWhileDisconnected(wa, bridge, settings.outbound().longPoll(), () -> {
                    for (String id : List.of("r1", "r2", "r3")) {
                        Stack.outbox()
                                .send(new OutboundCommand.SendText("out-97" + id, A, "to a " + id, null, List.of()));
                    }
                    for (String id : List.of("r4", "r5")) {
                        Stack.outbox()
                                .send(new OutboundCommand.SendText("out-97" + id, B, "to b " + id, null, List.of()));
                    }
                });
        assertThat(Await.until(() -> sends().size() == 5, WAIT))
                .as("sends: %s", sends())
                .isTrue();

        List<JsonNode> sends = sends();
        assertThat(at(sends.get(0)))
                .as("the first send waits for the quiet period after the reconnect")
                .isGreaterThanOrEqualTo(reconnectedAt + QUIET.toMillis() - TOLERANCE_MS);
        assertGaps(sends, GLOBAL.multipliedBy(WARMUP_FACTOR));
        assertGaps(forChat(sends, A), PER_CHAT.multipliedBy(WARMUP_FACTOR));
        assertGaps(forChat(sends, B), PER_CHAT.multipliedBy(WARMUP_FACTOR));
        long allowed = QUIET.plus(PER_CHAT.multipliedBy(WARMUP_FACTOR * 5L))
                .plusSeconds(30)
                .toMillis();
        assertThat(at(sends.get(4)) - reconnectedAt)
                .as("the backlog is not held back longer than its pacing explains (generously)")
                .isLessThan(allowed);
        assertThat(Await.until(() -> Stack.outboundDepth() == 0, WAIT))
                .as("every command deleted")
                .isTrue();
    }

    private List<JsonNode> sends() {
        Set<String> chats = Set.of(A, B);
        return wa.calls("addAndSendMsgToChat").stream()
                .filter(c -> chats.contains(c.path("chat").asText()))
                .sorted(Comparator.comparingLong(ReconnectPacingIT::at))
                .toList();
    }

    private static List<JsonNode> forChat(List<JsonNode> sends, String chat) {
        return sends.stream().filter(c -> c.path("chat").asText().equals(chat)).toList();
    }

    private static void assertGaps(List<JsonNode> sends, Duration minimum) {
        for (int i = 1; i < sends.size(); i++) {
            assertThat(at(sends.get(i)) - at(sends.get(i - 1)))
                    .as("gap before send %d of %s", i, sends)
                    .isGreaterThanOrEqualTo(minimum.toMillis() - TOLERANCE_MS);
        }
    }

    private static long at(JsonNode call) {
        return call.path("at").asLong();
    }
}
