package org.wassist.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;

class MessageCodecTest {
    @Test
    void envelopesRoundTripWithEveryField() {
        Envelope e = Envelopes.withEveryField(Media.stored("inbound/2026/11/25/abc", "image/jpeg", 1234, null, "ab12"));

        assertThat(MessageCodec.decodeEnvelope(MessageCodec.encode(e))).isEqualTo(e);
    }

    @Test
    void timestampsAreIsoStrings() {
        String json = MessageCodec.encode(Envelope.text(
                "sim",
                "1@c.us",
                Sender.ofJid("4915100000001@c.us"),
                "m",
                Instant.parse("2026-11-25T10:00:00Z"),
                "hi",
                false));

        assertThat(json).contains("\"timestamp\":\"2026-11-25T10:00:00Z\"");
    }

    @Test
    void everyOutboundCommandRoundTripsWithItsTypeTag() {
        List<OutboundCommand> commands = List.of(
                new OutboundCommand.SendText("m#1", "c@c.us", "hi", "q", List.of("x@c.us")),
                new OutboundCommand.SendImage("m#2", "c@c.us", "outbound/k", "image/png", "cap", null),
                new OutboundCommand.SendVoiceNote("m#3", "c@c.us", "outbound/v", "audio/ogg; codecs=opus", null),
                new OutboundCommand.SendDocument("m#4", "c@c.us", "outbound/d", "application/pdf", "a.pdf", null, null),
                new OutboundCommand.SendReaction("m#5", "c@c.us", "target", "👍"),
                new OutboundCommand.SetPresence("m#6", "c@c.us", OutboundCommand.Presence.TYPING));

        for (OutboundCommand c : commands) {
            String json = MessageCodec.encode(c);
            assertThat(MessageCodec.decodeCommand(json)).isEqualTo(c);
        }
        assertThat(MessageCodec.encode(commands.get(0))).contains("\"type\":\"text\"");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = MessageCodec.encode(new OutboundCommand.SendReaction("m#5", "c@c.us", "t", "👍"))
                .replace("{", "{\"futureField\":42,");

        assertThat(MessageCodec.decodeCommand(json)).isInstanceOf(OutboundCommand.SendReaction.class);
    }

    @Test
    void malformedBodiesFailWithoutEchoingThePayload() {
        String secretish = "{\"chatId\": \"4915100000001@c.us\", \"text\": \"my secret text\"";

        assertThatThrownBy(() -> MessageCodec.decodeEnvelope(secretish))
                .isInstanceOf(MessageCodec.MalformedMessageException.class)
                .satisfies(
                        t -> assertThat(t.toString()).doesNotContain("secret").doesNotContain("4915100000001"));
        assertThatThrownBy(() -> MessageCodec.decodeEnvelope("{\"channel\":\"sim\"}"))
                .isInstanceOf(MessageCodec.MalformedMessageException.class);
    }

    @Test
    void aNullBodyOrAnEnvelopeLackingARequiredFieldIsMalformed() {
        String lacksSender = "{\"channel\":\"sim\",\"chatId\":\"1@c.us\",\"messageId\":\"m\",\"chatType\":\"DIRECT\","
                + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"type\":\"TEXT\"}";

        assertThatThrownBy(() -> MessageCodec.decodeEnvelope("null"))
                .isInstanceOf(MessageCodec.MalformedMessageException.class);
        assertThatThrownBy(() -> MessageCodec.decodeCommand("null"))
                .isInstanceOf(MessageCodec.MalformedMessageException.class);
        assertThatThrownBy(() -> MessageCodec.decodeEnvelope(lacksSender))
                .isInstanceOf(MessageCodec.MalformedMessageException.class);
    }
}
