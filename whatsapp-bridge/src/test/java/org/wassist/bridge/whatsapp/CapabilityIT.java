package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;

/**
 * WhatsApp Web without some modules: /readyz names each missing capability instead of the bridge failing, what still
 * works keeps working, and after the page reloads the script is injected again without duplicate listeners.
 */
class CapabilityIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    @Test
    void missingModulesAreNamedOnReadyzAndTheRestWorks() {
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(
                                dir.resolve("profile"),
                                wa.url("missing=WAWebChatStateBridge,WAWebSendReactionMsgAction"),
                                null),
                        Stack.parts())) {
            bridge.awaitState("unpaired");
            wa.command("scan");
            bridge.awaitState("connected");
            BridgeUnderTest.Http ready = bridge.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("failing").toString())
                    .contains("WhatsApp Web capability missing: presence")
                    .contains("WhatsApp Web capability missing: react")
                    .doesNotContain("send-text")
                    .doesNotContain("outbound-queue");

            String chat = "447700901101@c.us";
            Stack.outbox().send(new OutboundCommand.SendText("cap-1", chat, "still works", null, List.of()));
            assertThat(Await.until(
                            () -> wa.calls("addAndSendMsgToChat").stream()
                                    .anyMatch(c -> c.path("chat").asText().equals(chat)),
                            WAIT))
                    .isTrue();
            assertThat(Await.until(() -> Stack.outboundDepth() == 0, WAIT)).isTrue();
            assertThat(wa.calls("sendChatStateComposing")).isEmpty();
        }
    }

    @Test
    void afterAReloadTheScriptIsBackOnceAndMessagesArriveOnce() {
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
                        Stack.parts())) {
            bridge.awaitState("unpaired");
            wa.command("scan");
            bridge.awaitState("connected");
            wa.command("reload");
            assertThat(Await.until(() -> wa.calls("loaded").size() == 2, WAIT)).isTrue();
            bridge.awaitState("connected");
            assertThat(bridge.get("/readyz").status()).isEqualTo(200);

            String chat = "447700901201@c.us";
            Map<String, Object> m = Raw.direct(chat, "3EB0RELOAD01", "chat", "after the reload");
            wa.command("receive", Map.of("msg", m));
            assertThat(Stack.inbound(e -> e.chatId().equals(chat), 1, WAIT))
                    .as("calls: %s", wa.calls())
                    .extracting(Envelope::messageId)
                    .containsExactly(Raw.id(m));
            assertThat(Stack.inbound(e -> e.chatId().equals(chat), 1, Duration.ofSeconds(3)))
                    .isEmpty();
            List<JsonNode> loads = wa.calls("loaded");
            assertThat(loads).hasSize(2);
        }
    }
}
