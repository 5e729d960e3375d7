package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Location;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/**
 * Inbound in real Chromium: messages the imitation page emits become exactly these envelopes on the inbound FIFO
 * queue (ElasticMQ), with media in the bucket (s3proxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path dir = ShortTempDir.create();

    private FakeWhatsApp wa;
    private BridgeUnderTest bridge;

    @BeforeAll
    void linked() {
        Stack.inbound(e -> false, 1, Duration.ofSeconds(1));
        wa = new FakeWhatsApp();
        bridge = new BridgeUnderTest(
                dir.resolve("tmp"), BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null), Stack.parts());
        bridge.awaitState("unpaired");
        wa.command("scan");
        bridge.awaitState("connected");
    }

    @AfterAll
    void stop() {
        bridge.close();
        wa.close();
        ShortTempDir.delete(dir);
    }

    private static Envelope expected(
            String chat, Sender sender, String id, long t, MessageType type, String text, ChatType chatType) {
        return new Envelope(
                "wa-web",
                chat,
                chatType,
                sender,
                id,
                Instant.ofEpochSecond(t),
                type,
                text,
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                false);
    }

    private static Envelope withoutMedia(Envelope e) {
        return new Envelope(
                e.channel(),
                e.chatId(),
                e.chatType(),
                e.sender(),
                e.messageId(),
                e.timestamp(),
                e.type(),
                e.text(),
                null,
                e.location(),
                e.contacts(),
                e.quotedMessageId(),
                e.mentions(),
                e.fromMe(),
                e.selfChat());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void textVoiceImageAndDocumentBecomeTheirEnvelopesWithStoredMedia() throws Exception {
        String chat = "447700900101@c.us";
        Map<String, Object> text =
                Raw.with(Raw.direct(chat, "3EB0TEXT01", "chat", "Olá! Summarise this"), "notifyName", "José");
        byte[] ogg = "OggS voice bytes".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> voice =
                Raw.media(Raw.direct(chat, "3A9FVOICE01", "ptt", ""), "audio/ogg; codecs=opus", ogg, "");
        byte[] jpg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        Map<String, Object> image =
                Raw.media(Raw.direct(chat, "3EB0IMAGE01", "image", ""), "image/jpeg", jpg, "What plant is this?");
        byte[] pdf = "%PDF-1.7 tiny".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> doc = Raw.with(
                Raw.media(Raw.direct(chat, "3EB0DOC01", "document", ""), "application/pdf", pdf, "the report"),
                "filename",
                "report.pdf");
        for (Map<String, Object> m : List.of(text, voice, image, doc)) {
            wa.command("receive", Map.of("msg", m));
        }
        List<Envelope> got = Stack.inbound(e -> e.chatId().equals(chat), 4, WAIT);
        assertThat(got).hasSize(4);
        Sender sender = new Sender(chat, "447700900101", null);
        assertThat(got.get(0))
                .isEqualTo(expected(
                        chat,
                        new Sender(chat, "447700900101", "José"),
                        Raw.id(text),
                        Raw.t(text),
                        MessageType.TEXT,
                        "Olá! Summarise this",
                        ChatType.DIRECT));
        assertThat(withoutMedia(got.get(1)))
                .isEqualTo(expected(chat, sender, Raw.id(voice), Raw.t(voice), MessageType.VOICE, "", ChatType.DIRECT));
        assertThat(withoutMedia(got.get(2)))
                .isEqualTo(expected(
                        chat,
                        sender,
                        Raw.id(image),
                        Raw.t(image),
                        MessageType.IMAGE,
                        "What plant is this?",
                        ChatType.DIRECT));
        assertThat(withoutMedia(got.get(3)))
                .isEqualTo(expected(
                        chat, sender, Raw.id(doc), Raw.t(doc), MessageType.DOCUMENT, "the report", ChatType.DIRECT));
        assertStored(got.get(1), "audio/ogg; codecs=opus", ogg, null);
        assertStored(got.get(2), "image/jpeg", jpg, null);
        assertStored(got.get(3), "application/pdf", pdf, "report.pdf");
    }

    private static void assertStored(Envelope e, String mime, byte[] bytes, @Nullable String fileName)
            throws Exception {
        Media m = Objects.requireNonNull(e.media());
        String key = Objects.requireNonNull(m.storageKey());
        assertThat(m).isEqualTo(Media.stored(key, mime, bytes.length, fileName, sha256(bytes)));
        assertThat(key).startsWith("inbound/").doesNotContain("447700900101").doesNotContain("report");
        assertThat(Stack.media().get(key).orElseThrow().bytes()).isEqualTo(bytes);
    }

    @Test
    void groupMessageWithQuoteAndMentionCarriesAuthorQuotedIdAndMentions() {
        String group = "120363000000000101@g.us";
        String alice = "447700900201@c.us";
        String bob = "447700900202@c.us";
        Map<String, Object> first = Raw.group(group, alice, "3EB0GRP01", "Shall we meet at 6?");
        Map<String, Object> reply = Raw.group(group, bob, "3EB0GRP02", "@15550001234 what do you think?");
        reply.put("quotedStanzaID", "3EB0GRP01");
        reply.put("quotedParticipant", alice);
        reply.put("mentionedJidList", List.of(Raw.ME));
        wa.command("receive", Map.of("msg", first));
        wa.command("receive", Map.of("msg", reply));
        List<Envelope> got = Stack.inbound(e -> e.chatId().equals(group), 2, WAIT);
        assertThat(got).hasSize(2);
        assertThat(got.get(1))
                .isEqualTo(new Envelope(
                        "wa-web",
                        group,
                        ChatType.GROUP,
                        new Sender(bob, "447700900202", null),
                        Raw.id(reply),
                        Instant.ofEpochSecond(Raw.t(reply)),
                        MessageType.TEXT,
                        "@15550001234 what do you think?",
                        null,
                        null,
                        List.of(),
                        Raw.id(first),
                        List.of(Raw.ME),
                        false,
                        false));
        assertThat(got.get(0).sender().id()).isEqualTo(alice);
    }

    @Test
    void lidSenderGetsTheBestKnownPhone() {
        String lid = "184467440737095@lid";
        wa.command("lid", Map.of("lid", lid, "pn", "447700900301@c.us"));
        Map<String, Object> m = Raw.with(Raw.direct(lid, "ACCFD0B51ECC", "chat", "Hi from a LID"), "notifyName", "Ana");
        wa.command("receive", Map.of("msg", m));
        String unknownLid = "284467440737096@lid";
        Map<String, Object> n = Raw.direct(unknownLid, "ACCFD0B51ECD", "chat", "Hi, phone unknown");
        wa.command("receive", Map.of("msg", n));
        List<Envelope> got = Stack.inbound(e -> e.chatId().endsWith("@lid"), 2, WAIT);
        assertThat(got)
                .containsExactly(
                        expected(
                                lid,
                                new Sender(lid, "447700900301", "Ana"),
                                Raw.id(m),
                                Raw.t(m),
                                MessageType.TEXT,
                                "Hi from a LID",
                                ChatType.DIRECT),
                        expected(
                                unknownLid,
                                new Sender(unknownLid, null, null),
                                Raw.id(n),
                                Raw.t(n),
                                MessageType.TEXT,
                                "Hi, phone unknown",
                                ChatType.DIRECT));
    }

    @Test
    void oversizedMediaIsNotFetchedAndMarkedTooLarge() {
        String chat = "447700900401@c.us";
        Map<String, Object> video =
                Raw.media(Raw.direct(chat, "3EB0BIG01", "video", ""), "video/mp4", new byte[] {1}, "big");
        video.put("size", 30L * 1024 * 1024);
        wa.command("receive", Map.of("msg", video));
        List<Envelope> got = Stack.inbound(e -> e.chatId().equals(chat), 1, WAIT);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).media())
                .isEqualTo(Media.notStored(Media.Status.TOO_LARGE, "video/mp4", 30L * 1024 * 1024, null));
        assertThat(wa.calls("downloadAndMaybeDecrypt"))
                .noneMatch(c -> c.path("directPath").asText().equals(video.get("directPath")));
    }

    @Test
    void ownMessagesOnlyFromTheSelfChatAndNoSystemTypesOrStatus() {
        String chat = "447700900501@c.us";
        wa.command("receive", Map.of("msg", Raw.own(chat, "3EB0OWN01", "typed on the phone")));
        Map<String, Object> self = Raw.own(Raw.ME, "3EB0SELF01", "!gpt note to self");
        wa.command("receive", Map.of("msg", self));
        wa.command("receive", Map.of("msg", Raw.direct(chat, "3EB0GP201", "gp2", "")));
        wa.command("receive", Map.of("msg", Raw.direct("status@broadcast", "3EB0STAT01", "chat", "my status")));
        Map<String, Object> loc = Raw.direct(chat, "3EB0LOC01", "location", "");
        loc.put("lat", 51.5007);
        loc.put("lng", -0.1246);
        loc.put("loc", "Big Ben\nLondon SW1A 0AA");
        wa.command("receive", Map.of("msg", loc));
        Map<String, Object> card = Raw.direct(chat, "3EB0VCARD01", "vcard", "BEGIN:VCARD\nFN:Ana\nEND:VCARD");
        wa.command("receive", Map.of("msg", card));
        Map<String, Object> late = Raw.direct(chat, "3EB0CIPHER01", "ciphertext", "");
        late.put("resolvesTo", "chat");
        late.put("body", "was waiting for this message");
        wa.command("receive", Map.of("msg", late));

        Set<String> chats = Set.of(chat, Raw.ME, "status@broadcast");
        List<Envelope> got = Stack.inbound(e -> chats.contains(e.chatId()), 4, WAIT);
        assertThat(got)
                .extracting(Envelope::messageId)
                .containsExactlyInAnyOrder(Raw.id(self), Raw.id(loc), Raw.id(card), Raw.id(late));
        Envelope s =
                got.stream().filter(e -> e.chatId().equals(Raw.ME)).findFirst().orElseThrow();
        assertThat(s.fromMe()).isTrue();
        assertThat(s.selfChat()).isTrue();
        assertThat(s.text()).isEqualTo("!gpt note to self");
        Envelope l = got.stream()
                .filter(e -> e.type() == MessageType.LOCATION)
                .findFirst()
                .orElseThrow();
        assertThat(l.location()).isEqualTo(new Location(51.5007, -0.1246, "Big Ben", "London SW1A 0AA"));
        Envelope c = got.stream()
                .filter(e -> e.type() == MessageType.CONTACT)
                .findFirst()
                .orElseThrow();
        assertThat(c.contacts()).containsExactly("BEGIN:VCARD\nFN:Ana\nEND:VCARD");
        assertThat(Stack.inbound(e -> chats.contains(e.chatId()), 1, Duration.ofSeconds(3)))
                .as("nothing else arrives")
                .isEmpty();
    }
}
