package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Location;
import org.wassist.message.Media;
import org.wassist.message.MessageCodec;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/**
 * The flattened messages here are what the injected script produces for the research samples
 * (whatsapp-samples/wwebjs-message-*.json) and the other types.
 */
class MessageNormaliserTest {
    private static final String ME = "15550001234@c.us";

    private static ObjectNode flat(Map<String, Object> fields) {
        ObjectNode n = MessageCodec.mapper().createObjectNode();
        n.put("t", 1780400000L);
        n.put("isNewMsg", true);
        n.putArray("me").add(ME).add("99990001234@lid");
        n.putArray("mentions");
        n.putArray("vcards");
        n.put("size", -1);
        return n.setAll((ObjectNode) MessageCodec.mapper().valueToTree(fields));
    }

    private static Envelope envelope(JsonNode n) {
        return Objects.requireNonNull(MessageNormaliser.normalise(n).message(), "forwarded")
                .envelope();
    }

    @Test
    void lidSenderCarriesTheBestKnownPhone() {
        JsonNode n = flat(Map.of(
                "id", "false_184467440737095@lid_ACCFD0B51ECCFF508B1B64BA46376A15",
                "chatId", "184467440737095@lid",
                "sender", "184467440737095@lid",
                "senderPhone", "447700900123@c.us",
                "senderName", "José",
                "type", "chat",
                "body", "Hi! Can you summarise the PDF I sent yesterday?"));
        assertThat(envelope(n))
                .isEqualTo(new Envelope(
                        "wa-web",
                        "184467440737095@lid",
                        ChatType.DIRECT,
                        new Sender("184467440737095@lid", "447700900123", "José"),
                        "false_184467440737095@lid_ACCFD0B51ECCFF508B1B64BA46376A15",
                        Instant.ofEpochSecond(1780400000L),
                        MessageType.TEXT,
                        "Hi! Can you summarise the PDF I sent yesterday?",
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        false,
                        false));
    }

    @Test
    void lidSenderWithoutAKnownPhoneHasNone() {
        JsonNode n = flat(Map.of(
                "id",
                "false_1844@lid_X",
                "chatId",
                "184467440737095@lid",
                "sender",
                "184467440737095@lid",
                "type",
                "chat",
                "body",
                "hi"));
        assertThat(envelope(n).sender().phone()).isNull();
    }

    @Test
    void pttIsAVoiceNoteWhoseMediaIsFetchedLater() {
        JsonNode n = flat(Map.of(
                "id", "false_447700900123@c.us_3A9F0E1D2C3B4A596877",
                "chatId", "447700900123@c.us",
                "sender", "447700900123@c.us",
                "senderPhone", "447700900123@c.us",
                "type", "ptt",
                "body", "",
                "hasMedia", true,
                "mimetype", "audio/ogg; codecs=opus",
                "size", 18342));
        MessageNormaliser.Normalised m =
                Objects.requireNonNull(MessageNormaliser.normalise(n).message());
        assertThat(m.envelope().type()).isEqualTo(MessageType.VOICE);
        assertThat(m.envelope().sender().phone()).isEqualTo("447700900123");
        assertThat(m.media())
                .isEqualTo(new MessageNormaliser.MediaRef(
                        "false_447700900123@c.us_3A9F0E1D2C3B4A596877", 18342, "audio/ogg; codecs=opus", null));
        assertThat(m.envelope().media())
                .isEqualTo(Media.notStored(Media.Status.UNAVAILABLE, "audio/ogg; codecs=opus", 18342, null));
    }

    @Test
    void groupMessageHasTheAuthorAsSenderAndKeepsQuoteAndMentions() {
        JsonNode n = flat(Map.of(
                "id", "false_120363000000000001@g.us_3EB0BB_447700900456@c.us",
                "chatId", "120363000000000001@g.us",
                "sender", "447700900456@c.us",
                "senderPhone", "447700900456@c.us",
                "type", "chat",
                "body", "@15550001234 see above",
                "quotedId", "false_120363000000000001@g.us_3EB0AA_447700900123@c.us",
                "mentions", List.of(ME)));
        Envelope e = envelope(n);
        assertThat(e.chatType()).isEqualTo(ChatType.GROUP);
        assertThat(e.sender()).isEqualTo(new Sender("447700900456@c.us", "447700900456", null));
        assertThat(e.quotedMessageId()).isEqualTo("false_120363000000000001@g.us_3EB0AA_447700900123@c.us");
        assertThat(e.mentions()).containsExactly(ME);
    }

    @Test
    void everyUserTypeMapsToItsKind() {
        Map<String, MessageType> types = Map.of(
                "chat", MessageType.TEXT,
                "image", MessageType.IMAGE,
                "ptt", MessageType.VOICE,
                "audio", MessageType.AUDIO,
                "video", MessageType.VIDEO,
                "document", MessageType.DOCUMENT,
                "sticker", MessageType.STICKER,
                "location", MessageType.LOCATION,
                "vcard", MessageType.CONTACT,
                "multi_vcard", MessageType.CONTACT);
        types.forEach((wa, expected) -> assertThat(envelope(flat(Map.of(
                                "id",
                                "false_447700900123@c.us_" + wa,
                                "chatId",
                                "447700900123@c.us",
                                "sender",
                                "447700900123@c.us",
                                "type",
                                wa)))
                        .type())
                .as(wa)
                .isEqualTo(expected));
    }

    @Test
    void locationAndContactsAreCarried() {
        Envelope loc = envelope(flat(Map.of(
                "id",
                "l1",
                "chatId",
                "447700900123@c.us",
                "sender",
                "447700900123@c.us",
                "type",
                "location",
                "lat",
                51.5,
                "lng",
                -0.12,
                "loc",
                "Big Ben\nWestminster, London")));
        assertThat(loc.location()).isEqualTo(new Location(51.5, -0.12, "Big Ben", "Westminster, London"));
        Envelope card = envelope(flat(Map.of(
                "id",
                "v1",
                "chatId",
                "447700900123@c.us",
                "sender",
                "447700900123@c.us",
                "type",
                "multi_vcard",
                "vcards",
                List.of("BEGIN:VCARD\nFN:A\nEND:VCARD", "BEGIN:VCARD\nFN:B\nEND:VCARD"))));
        assertThat(card.contacts()).hasSize(2);
    }

    @Test
    void ownMessagesAreDroppedExceptInTheSelfChat() {
        JsonNode elsewhere = flat(Map.of(
                "id",
                "true_447700900123@c.us_X",
                "chatId",
                "447700900123@c.us",
                "sender",
                ME,
                "fromMe",
                true,
                "type",
                "chat",
                "body",
                "sent from the phone"));
        assertThat(MessageNormaliser.normalise(elsewhere).drop()).isEqualTo(MessageNormaliser.Drop.OWN_MESSAGE);

        JsonNode self = flat(Map.of(
                "id",
                "true_" + ME + "_Y",
                "chatId",
                ME,
                "sender",
                ME,
                "fromMe",
                true,
                "type",
                "chat",
                "body",
                "!gpt hi"));
        Envelope e = envelope(self);
        assertThat(e.fromMe()).isTrue();
        assertThat(e.selfChat()).isTrue();
        assertThat(e.sender().phone()).isEqualTo("15550001234");
    }

    @Test
    void systemStatusBroadcastAndBridgeMessagesAreDropped() {
        assertThat(drop(Map.of("type", "gp2"))).isEqualTo(MessageNormaliser.Drop.SYSTEM_TYPE);
        assertThat(drop(Map.of("type", "e2e_notification"))).isEqualTo(MessageNormaliser.Drop.SYSTEM_TYPE);
        assertThat(drop(Map.of("type", "chat", "isStatus", true))).isEqualTo(MessageNormaliser.Drop.STATUS);
        assertThat(drop(Map.of("type", "chat", "broadcast", true))).isEqualTo(MessageNormaliser.Drop.BROADCAST);
        assertThat(drop(Map.of("type", "chat", "sentByBridge", true))).isEqualTo(MessageNormaliser.Drop.SENT_BY_BRIDGE);
        assertThat(MessageNormaliser.normalise(MessageCodec.mapper().createObjectNode())
                        .drop())
                .isEqualTo(MessageNormaliser.Drop.MALFORMED);
    }

    private static MessageNormaliser.Drop drop(Map<String, Object> fields) {
        ObjectNode n = flat(Map.of("id", "x", "chatId", "447700900123@c.us", "sender", "447700900123@c.us"));
        n.setAll((ObjectNode) MessageCodec.mapper().valueToTree(fields));
        MessageNormaliser.Result r = MessageNormaliser.normalise(n);
        assertThat(r.message()).isNull();
        return Objects.requireNonNull(r.drop());
    }
}
