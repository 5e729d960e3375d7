package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.message.MessageCodec;
import org.wassist.observability.Pseudonyms;

/** What the page reports becomes inbound messages once, and never when the bridge itself sent the message. */
class PageEventsTest {
    private static final String ME = "15550001234@c.us";

    @TempDir
    Path dir;

    private final List<InboundMessage> handedOn = new ArrayList<>();
    private SessionJournal journal;
    private PageEvents events;

    @BeforeEach
    void open() {
        journal = SessionJournal.open(dir);
        events = new PageEvents(
                new SessionTracker(),
                journal,
                new TerminalQr(false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                Clock.systemUTC(),
                Pseudonyms.ephemeral(),
                (id, max) -> new byte[0]);
        events.sink(handedOn::add);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private static ObjectNode selfChat(String id, String body) {
        ObjectNode n = MessageCodec.mapper().createObjectNode();
        n.put("id", id).put("fromMe", true).put("chatId", ME).put("sender", ME);
        n.putArray("me").add(ME);
        n.put("type", "chat").put("body", body).put("t", 1780400000L);
        return n;
    }

    @Test
    void aSelfChatMessageTheJournalRecordsAsSentByTheBridgeIsNotHandedOn() {
        journal.sent("true_15550001234@c.us_BRIDGE01");

        boolean reply = events.message(selfChat("true_15550001234@c.us_BRIDGE01", "the answer"));
        boolean command = events.message(selfChat("true_15550001234@c.us_USER01", "!gpt a question"));

        assertThat(reply).isFalse();
        assertThat(command).isTrue();
        assertThat(handedOn).extracting(m -> m.envelope().messageId()).containsExactly("true_15550001234@c.us_USER01");
    }

    @Test
    void theCatchUpHandsOnOnlyWhatWasNeitherDeliveredNorSent() {
        journal.delivered("true_15550001234@c.us_USER01", java.time.Instant.ofEpochSecond(1780400000L));
        journal.sent("true_15550001234@c.us_BRIDGE01");
        var recent = MessageCodec.mapper().createArrayNode();
        recent.add(selfChat("true_15550001234@c.us_USER01", "!gpt a question"));
        recent.add(selfChat("true_15550001234@c.us_BRIDGE01", "the answer"));
        recent.add(selfChat("true_15550001234@c.us_USER02", "!gpt another"));

        int n = events.catchUp(recent);

        assertThat(n).isEqualTo(1);
        assertThat(handedOn).extracting(m -> m.envelope().messageId()).containsExactly("true_15550001234@c.us_USER02");
    }

    @Test
    void aMessageTheSinkRefusedIsOfferedAgainByTheNextCatchUpAndThenHandedOnOnce() {
        List<String> refused = new ArrayList<>();
        boolean[] full = {true};
        events.sink(m -> {
            if (full[0]) {
                refused.add(m.envelope().messageId());
                return false;
            }
            return handedOn.add(m);
        });
        ObjectNode question = selfChat("true_15550001234@c.us_USER03", "!gpt while the queue is down");

        assertThat(events.message(question)).isFalse();
        assertThat(events.ledger().refusing()).isTrue();
        full[0] = false;
        var recent = MessageCodec.mapper().createArrayNode().add(question);
        int first = events.catchUp(recent);
        int second = events.catchUp(recent);

        assertThat(refused).containsExactly("true_15550001234@c.us_USER03");
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(handedOn).extracting(m -> m.envelope().messageId()).containsExactly("true_15550001234@c.us_USER03");
    }
}
