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

/**
 * A restart with the same profile: no new QR (the session is in the profile), messages that arrived while the bridge
 * was down are picked up, and nothing is published twice (counted at the publisher, before the queue's own
 * deduplication could hide a repeat).
 */
class RestartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private final List<String> published = Collections.synchronizedList(new ArrayList<>());

    private BridgeUnderTest.Parts counting() {
        return Stack.counting(published);
    }

    @Test
    void sameProfileRestartsWithoutQrAndWithoutDuplicates() {
        String chat = "447700901001@c.us";
        Map<String, Object> m1 = Raw.direct(chat, "3EB0RST01", "chat", "first");
        Map<String, Object> m2 = Raw.direct(chat, "3EB0RST02", "chat", "second");
        Map<String, Object> m3 = Raw.direct(chat, "3EB0RST03", "chat", "arrived, bridge crashed before publishing");
        Map<String, Object> m4 = Raw.direct(chat, "3EB0RST04", "chat", "arrived while the bridge was down");
        try (FakeWhatsApp wa = new FakeWhatsApp()) {
            WhatsAppSettings settings = BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null);
            try (BridgeUnderTest first = new BridgeUnderTest(dir.resolve("tmp"), settings, counting())) {
                first.awaitState("unpaired");
                Await.until(() -> !first.terminalText().isEmpty(), WAIT);
                assertThat(first.terminalText())
                        .as("QR shown on the first start")
                        .isNotEmpty();
                wa.command("scan");
                first.awaitState("connected");
                wa.command("receive", Map.of("msg", m1));
                wa.command("receive", Map.of("msg", m2));
                assertThat(Stack.inbound(e -> e.chatId().equals(chat), 2, WAIT))
                        .extracting(Envelope::messageId)
                        .containsExactly(Raw.id(m1), Raw.id(m2));
                wa.command("storeOnly", Map.of("msg", m3));
                wa.command("offline", Map.of("msg", m4));
                Await.until(
                        () -> wa.calls("command-done").stream()
                                .anyMatch(c -> c.path("op").asText().equals("offline")),
                        WAIT);
            }
            assertThat(published).containsExactly(Raw.id(m1), Raw.id(m2));

            try (BridgeUnderTest second = new BridgeUnderTest(dir.resolve("tmp"), settings, counting())) {
                second.awaitState("connected");
                assertThat(second.terminalText()).as("no QR after a restart").isEmpty();
                assertThat(Stack.inbound(e -> e.chatId().equals(chat), 2, WAIT))
                        .extracting(Envelope::messageId)
                        .containsExactlyInAnyOrder(Raw.id(m3), Raw.id(m4));
                assertThat(Stack.inbound(e -> e.chatId().equals(chat), 1, Duration.ofSeconds(3)))
                        .as("no repeats on the queue")
                        .isEmpty();
            }
            assertThat(published)
                    .as("each message published exactly once across both runs")
                    .containsExactlyInAnyOrder(Raw.id(m1), Raw.id(m2), Raw.id(m3), Raw.id(m4));
        }
    }
}
