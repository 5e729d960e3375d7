package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;

/**
 * Outbound in real Chromium: commands on the outbound FIFO queue (ElasticMQ) become exactly these calls on the
 * imitation page, and a command is deleted only after the page accepted it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path dir = ShortTempDir.create();
    private FakeWhatsApp wa;
    private BridgeUnderTest bridge;

    @BeforeAll
    void linked() {
        wa = new FakeWhatsApp();
        bridge = BridgeUnderTest.linked(dir, wa);
    }

    @AfterAll
    void stop() {
        bridge.close();
        wa.close();
        ShortTempDir.delete(dir);
    }

    private static void awaitEmptyQueue() {
        assertThat(Await.until(() -> Stack.outboundDepth() == 0, WAIT))
                .as("outbound queue empty")
                .isTrue();
    }

    private static List<JsonNode> forChat(List<JsonNode> calls, String chat) {
        return calls.stream().filter(c -> c.path("chat").asText().equals(chat)).toList();
    }

    private List<JsonNode> awaitCalls(String fn, String chat, int n) {
        assertThat(Await.until(() -> forChat(wa.calls(fn), chat).size() >= n, WAIT))
                .as("%d call(s) of %s for the chat; calls: %s", n, fn, wa.calls())
                .isTrue();
        return forChat(wa.calls(fn), chat);
    }

    /** A message the page has in its collection (the command was carried out) before the test goes on. */
    private String received(String chat, String stanza, String body) {
        Map<String, Object> m = Raw.direct(chat, stanza, "chat", body);
        int before = receivesDone();
        wa.command("receive", Map.of("msg", m));
        assertThat(Await.until(() -> receivesDone() > before, WAIT)).isTrue();
        return Raw.id(m);
    }

    private int receivesDone() {
        return (int) wa.calls("command-done").stream()
                .filter(c -> c.path("op").asText().equals("receive"))
                .count();
    }

    @Test
    void textIsAQuotedReplyWithMentionsAfterTyping() {
        String chat = "447700900601@c.us";
        String quoted = received(chat, "3EB0Q601", "What is 2+2?");
        Stack.outbox()
                .send(new OutboundCommand.SendText(
                        "out-601", chat, "It is 4, @447700900602", quoted, List.of("447700900602@c.us")));
        List<JsonNode> sends = awaitCalls("addAndSendMsgToChat", chat, 1);
        awaitEmptyQueue();
        assertThat(sends).singleElement().satisfies(c -> {
            assertThat(c.path("type").asText()).isEqualTo("chat");
            assertThat(c.path("body").asText()).isEqualTo("It is 4, @447700900602");
            assertThat(c.path("quotedStanzaID").asText()).isEqualTo("3EB0Q601");
            assertThat(c.path("mentions").toString()).isEqualTo("[\"447700900602@c.us\"]");
            assertThat(c.path("from").asText()).isEqualTo(Raw.ME);
        });
        List<JsonNode> calls = wa.calls();
        int typing = indexOf(calls, "sendChatStateComposing", chat);
        int send = indexOf(calls, "addAndSendMsgToChat", chat);
        assertThat(typing).as("typing shown first").isNotNegative().isLessThan(send);
        assertThat(bridge.channel.status().ready()).isTrue();
    }

    private static int indexOf(List<JsonNode> calls, String fn, String chat) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).path("fn").asText().equals(fn)
                    && calls.get(i).path("chat").asText().equals(chat)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void imageVoiceNoteAndDocumentAreUploadedAndSent() throws Exception {
        String chat = "447700900701@c.us";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2};
        byte[] ogg = "OggS opus voice".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7 answer".getBytes(StandardCharsets.UTF_8);
        Stack.media().put("outbound/it/image.png", png, "image/png");
        Stack.media().put("outbound/it/voice.ogg", ogg, "audio/ogg; codecs=opus");
        Stack.media().put("outbound/it/answer.pdf", pdf, "application/pdf");
        Stack.outbox()
                .send(new OutboundCommand.SendImage(
                        "out-701", chat, "outbound/it/image.png", "image/png", "Here it is", null));
        Stack.outbox()
                .send(new OutboundCommand.SendVoiceNote(
                        "out-702", chat, "outbound/it/voice.ogg", "audio/ogg; codecs=opus", null));
        Stack.outbox()
                .send(new OutboundCommand.SendDocument(
                        "out-703",
                        chat,
                        "outbound/it/answer.pdf",
                        "application/pdf",
                        "answer.pdf",
                        "The summary",
                        null));
        awaitCalls("addAndSendMsgToChat", chat, 3);
        awaitEmptyQueue();
        List<JsonNode> sends = forChat(wa.calls("addAndSendMsgToChat"), chat);
        assertThat(sends).hasSize(3);
        assertThat(sends.get(0).path("type").asText()).isEqualTo("image");
        assertThat(sends.get(0).path("caption").asText()).isEqualTo("Here it is");
        assertThat(sends.get(1).path("type").asText()).isEqualTo("ptt");
        assertThat(sends.get(1).path("isPtt").asBoolean()).isTrue();
        assertThat(sends.get(1).path("caption").isMissingNode()
                        || sends.get(1).path("caption").isNull())
                .isTrue();
        assertThat(sends.get(2).path("type").asText()).isEqualTo("document");
        assertThat(sends.get(2).path("filename").asText()).isEqualTo("answer.pdf");
        assertThat(sends.get(2).path("caption").asText()).isEqualTo("The summary");
        assertThat(wa.calls("uploadMedia"))
                .extracting(c -> c.path("sha256").asText())
                .contains(sha256(png), sha256(ogg), sha256(pdf));
        assertThat(wa.calls("prepRawMedia")).anySatisfy(c -> {
            assertThat(c.path("isPtt").asBoolean()).isTrue();
            assertThat(c.path("mimetype").asText()).isEqualTo("audio/ogg; codecs=opus");
        });
        assertThat(wa.calls("prepRawMedia"))
                .anySatisfy(c -> assertThat(c.path("asDocument").asBoolean()).isTrue());
    }

    @Test
    void reactionAndPresence() {
        String chat = "447700900801@c.us";
        String target = received(chat, "3EB0R801", "I passed the exam!");
        Stack.outbox().send(new OutboundCommand.SendReaction("out-801", chat, target, "🎉"));
        Stack.outbox().send(new OutboundCommand.SetPresence("out-802", chat, OutboundCommand.Presence.RECORDING));
        wa.awaitCalls("sendReactionToMsg", 1);
        JsonNode reaction = wa.calls("sendReactionToMsg").stream()
                .filter(c -> c.path("msgId").asText().equals(target))
                .findFirst()
                .orElseThrow();
        assertThat(reaction.path("emoji").asText()).isEqualTo("🎉");
        assertThat(awaitCalls("sendChatStateRecording", chat, 1)).hasSize(1);
        awaitEmptyQueue();
    }

    @Test
    void aFailedSendStaysOnTheQueueUntilARetrySucceeds() {
        String chat = "447700900901@c.us";
        wa.command("fail", Map.of("target", "addAndSendMsgToChat", "times", 1));
        Await.until(() -> wa.saw(c -> c.path("op").asText().equals("fail")), WAIT);
        Stack.outbox().send(new OutboundCommand.SendText("out-901", chat, "retry me", null, List.of()));
        assertThat(Await.until(
                        () -> forChat(wa.calls("addAndSendMsgToChat"), chat).stream()
                                .anyMatch(c -> c.path("failed").asBoolean()),
                        WAIT))
                .isTrue();
        assertThat(Stack.outboundDepth()).as("not deleted after the failure").isEqualTo(1);
        assertThat(Await.until(
                        () -> forChat(wa.calls("addAndSendMsgToChat"), chat).size() == 2, WAIT))
                .isTrue();
        awaitEmptyQueue();
        List<JsonNode> attempts = forChat(wa.calls("addAndSendMsgToChat"), chat);
        assertThat(attempts.get(0).path("failed").asBoolean()).isTrue();
        assertThat(attempts.get(1).path("failed").asBoolean()).isFalse();
        assertThat(attempts.get(1).path("body").asText()).isEqualTo("retry me");
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
