package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.message.Envelope;
import org.wassist.standins.Await;
import org.wassist.testkit.logs.LogCapture;

/**
 * The catch-up pages through everything the page holds: after a reload, more than two pages of messages that were
 * never published, hundreds of them within the same second, all reach the queue once each and in order.
 */
class CatchUpIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int MESSAGES = 2 * CatchUp.PAGE + 50;
    /** Messages per second of WhatsApp time: pages end in the middle of a second. */
    private static final int PER_SECOND = 300;

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private final List<String> published = Collections.synchronizedList(new ArrayList<>());

    private BridgeUnderTest.Parts counting() {
        return Stack.counting(published);
    }

    @Test
    void aCatchUpOfMoreThanTwoPagesPublishesEveryMessageOnceAndInOrder() {
        String chat = "447700900801@c.us";
        long start = Raw.now() - 5;
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            stored.add(Raw.with(
                    Raw.direct(chat, "3EB0PAGE%04d".formatted(i), "chat", "held " + i), "t", start + i / PER_SECOND));
        }
        List<String> ids = stored.stream().map(Raw::id).toList();
        Stack.inbound(e -> false, 1, Duration.ofSeconds(1));
        try (LogCapture logs = LogCapture.start();
                FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
                        counting(),
                        BridgeUnderTest.settings(dir.resolve("tmp")).withInboundBuffer(4 * MESSAGES))) {
            bridge.awaitState("unpaired");
            wa.command("scan");
            bridge.awaitState("connected");
            wa.command("storeOnly", Map.of("msgs", stored));
            assertThat(Await.until(() -> done(wa, "storeOnly"), WAIT)).isTrue();

            wa.command("reload");

            assertThat(Stack.inbound(e -> e.chatId().equals(chat), MESSAGES, WAIT))
                    .extracting(Envelope::messageId)
                    .containsExactlyElementsOf(ids);
            Await.until(() -> published.size() >= MESSAGES, WAIT);
            assertThat(published).as("each published once, in order").containsExactlyElementsOf(ids);
            assertThat(logs.lines())
                    .anyMatch(l -> l.contains("catch-up after connect: " + MESSAGES
                            + " message(s) not yet delivered, of " + MESSAGES + " listed in 3 page(s)"));
        }
    }

    private static boolean done(FakeWhatsApp wa, String op) {
        return wa.calls("command-done").stream()
                .anyMatch(c -> c.path("op").asText().equals(op));
    }
}
