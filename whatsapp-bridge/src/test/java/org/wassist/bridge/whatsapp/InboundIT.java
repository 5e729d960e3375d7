package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        bridge = BridgeUnderTest.linked(dir, wa);
    }

    @AfterAll
    void stop() {
        bridge.close();
        wa.close();
        ShortTempDir.delete(dir);
    }

    /** Has the page receive the messages; returns the envelopes published for {@code chat}, in order. */
    private List<Envelope> received(String chat, List<Map<String, Object>> messages) {
        for (Map<String, Object> m : messages) {
            wa.command("receive", Map.of("msg", m));
        }
        List<Envelope> got = Stack.inbound(e -> e.chatId().equals(chat), messages.size(), WAIT);
        assertThat(got).hasSize(messages.size());
        return got;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textVoiceImageAndDocumentBecomeTheirEnvelopesWithStoredMedia() {
        String chat = "447700900101@c.us";
        Sender sender = new Sender(chat, "447700900101", null);
        Map<String, Object> text =
                Raw.with(Raw.direct(chat, "3EB0TEXT01", "chat", "Olá! Summarise this"), "notifyName", "José");
        byte[] ogg = bytes("OggS voice bytes");
        Map<String, Object> voice =
                Raw.media(Raw.direct(chat, "3A9FVOICE01", "ptt", ""), "audio/ogg; codecs=opus", ogg, "");
        byte[] jpg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        Map<String, Object> image =
                Raw.media(Raw.direct(chat, "3EB0IMAGE01", "image", ""), "image/jpeg", jpg, "What plant is this?");
        byte[] pdf = bytes("%PDF-1.7 tiny");
        Map<String, Object> doc = Raw.with(
                Raw.media(Raw.direct(chat, "3EB0DOC01", "document", ""), "application/pdf", pdf, "the report"),
                "filename",
                "report.pdf");

        List<Envelope> got = received(chat, List.of(text, voice, image, doc));

        assertThat(got)
                .containsExactly(
                        Expected.from(text, new Sender(chat, "447700900101", "José"))
                                .text("Olá! Summarise this")
                                .envelope(),
                        Expected.from(voice, sender)
                                .type(MessageType.VOICE)
                                .stored(got.get(1), "audio/ogg; codecs=opus", ogg, null)
                                .envelope(),
                        Expected.from(image, sender)
                                .type(MessageType.IMAGE)
                                .text("What plant is this?")
                                .stored(got.get(2), "image/jpeg", jpg, null)
                                .envelope(),
                        Expected.from(doc, sender)
                                .type(MessageType.DOCUMENT)
                                .text("the report")
                                .stored(got.get(3), "application/pdf", pdf, "report.pdf")
                                .envelope());
    }

    @Test
    void audioVideoAndStickerBecomeTheirEnvelopesWithStoredMedia() {
        String chat = "447700900111@c.us";
        Sender sender = new Sender(chat, "447700900111", null);
        byte[] mp3 = bytes("ID3 an audio file, not a voice note");
        Map<String, Object> audio = Raw.media(Raw.direct(chat, "3EB0AUDIO01", "audio", ""), "audio/mpeg", mp3, "");
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        Map<String, Object> video =
                Raw.media(Raw.direct(chat, "3EB0VIDEO01", "video", ""), "video/mp4", mp4, "our trip");
        byte[] webp = bytes("RIFF\0\0\0\0WEBPVP8 sticker");
        Map<String, Object> sticker =
                Raw.media(Raw.direct(chat, "3EB0STICKER01", "sticker", ""), "image/webp", webp, "");

        List<Envelope> got = received(chat, List.of(audio, video, sticker));

        assertThat(got)
                .containsExactly(
                        Expected.from(audio, sender)
                                .type(MessageType.AUDIO)
                                .stored(got.get(0), "audio/mpeg", mp3, null)
                                .envelope(),
                        Expected.from(video, sender)
                                .type(MessageType.VIDEO)
                                .text("our trip")
                                .stored(got.get(1), "video/mp4", mp4, null)
                                .envelope(),
                        Expected.from(sticker, sender)
                                .type(MessageType.STICKER)
                                .stored(got.get(2), "image/webp", webp, null)
                                .envelope());
    }

    @Test
    void locationAndContactsBecomeTheirEnvelopes() {
        String chat = "447700900121@c.us";
        Sender sender = new Sender(chat, "447700900121", null);
        Map<String, Object> loc = Raw.with(Raw.direct(chat, "3EB0LOC01", "location", ""), "comment", "Meet me here");
        loc.put("lat", 51.5007);
        loc.put("lng", -0.1246);
        loc.put("loc", "Big Ben\nLondon SW1A 0AA");
        String ana = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD";
        String rui = "BEGIN:VCARD\nVERSION:3.0\nFN:Rui\nEND:VCARD";
        Map<String, Object> card = Raw.direct(chat, "3EB0VCARD01", "vcard", ana);
        Map<String, Object> cards = Raw.with(
                Raw.direct(chat, "3EB0MVCARD01", "multi_vcard", ""),
                "vcardList",
                List.of(Map.of("displayName", "Ana", "vcard", ana), Map.of("displayName", "Rui", "vcard", rui)));

        List<Envelope> got = received(chat, List.of(loc, card, cards));

        assertThat(got)
                .containsExactly(
                        Expected.from(loc, sender)
                                .type(MessageType.LOCATION)
                                .text("Meet me here")
                                .location(new Location(51.5007, -0.1246, "Big Ben", "London SW1A 0AA"))
                                .envelope(),
                        Expected.from(card, sender)
                                .type(MessageType.CONTACT)
                                .text(ana)
                                .contacts(ana)
                                .envelope(),
                        Expected.from(cards, sender)
                                .type(MessageType.CONTACT)
                                .contacts(ana, rui)
                                .envelope());
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

        List<Envelope> got = received(group, List.of(first, reply));

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
                        Expected.from(m, new Sender(lid, "447700900301", "Ana"))
                                .text("Hi from a LID")
                                .envelope(),
                        Expected.from(n, new Sender(unknownLid, null, null))
                                .text("Hi, phone unknown")
                                .envelope());
    }

    @Test
    void oversizedMediaIsNotFetchedAndMarkedTooLarge() {
        String chat = "447700900401@c.us";
        Map<String, Object> video =
                Raw.media(Raw.direct(chat, "3EB0BIG01", "video", ""), "video/mp4", new byte[] {1}, "big");
        video.put("size", 30L * 1024 * 1024);

        List<Envelope> got = received(chat, List.of(video));

        assertThat(got)
                .containsExactly(Expected.from(video, new Sender(chat, "447700900401", null))
                        .type(MessageType.VIDEO)
                        .text("big")
                        .media(Media.notStored(Media.Status.TOO_LARGE, "video/mp4", 30L * 1024 * 1024, null))
                        .envelope());
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
        Map<String, Object> late = Raw.direct(chat, "3EB0CIPHER01", "ciphertext", "");
        late.put("resolvesTo", "chat");
        late.put("body", "was waiting for this message");
        wa.command("receive", Map.of("msg", late));

        Set<String> chats = Set.of(chat, Raw.ME, "status@broadcast");
        List<Envelope> got = Stack.inbound(e -> chats.contains(e.chatId()), 2, WAIT);

        assertThat(got)
                .containsExactlyInAnyOrder(
                        Expected.from(self, new Sender(Raw.ME, "15550001234", null))
                                .inSelfChat()
                                .text("!gpt note to self")
                                .envelope(),
                        Expected.from(late, new Sender(chat, "447700900501", null))
                                .text("was waiting for this message")
                                .envelope());
        assertThat(Stack.inbound(e -> chats.contains(e.chatId()), 1, Duration.ofSeconds(3)))
                .as("nothing else arrives")
                .isEmpty();
    }
}
