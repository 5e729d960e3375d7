package org.wassist.testkit.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.Sender;

/**
 * What every {@link InboundPublisher} must do, observed on the queue: envelopes of a chat arrive in order and intact,
 * a message published twice is queued once, and the same message id on another channel is another message. Chats are
 * unique per test, so a shared queue can run the suite.
 */
public abstract class InboundPublisherContract {
    private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

    protected abstract InboundPublisher publisher();

    /** The envelopes queued for {@code chatId}, in queue order; {@code expected} is how many to await. */
    protected abstract List<Envelope> queued(String chatId, int expected);

    protected static Envelope envelope(String channel, String chatId, String messageId, String text) {
        return Envelope.text(
                channel, chatId, new Sender("491701234567@c.us", "+491701234567", "Ann"), messageId, AT, text, false);
    }

    private static String newChat() {
        return UUID.randomUUID() + "@c.us";
    }

    @Test
    void envelopesOfAChatArriveInOrderAndIntact() {
        String chat = newChat();
        List<Envelope> sent = List.of(
                envelope("wa-web", chat, "A1", "first"),
                envelope("wa-web", chat, "A2", "second ✓"),
                envelope("wa-web", chat, "A3", "third"));
        sent.forEach(publisher()::publish);
        assertThat(queued(chat, 3)).containsExactlyElementsOf(sent);
    }

    @Test
    void aMessagePublishedTwiceIsQueuedOnce() {
        String chat = newChat();
        String id = UUID.randomUUID().toString();
        publisher().publish(envelope("wa-web", chat, id, "hello"));
        publisher().publish(envelope("wa-web", chat, id, "hello"));
        publisher().publish(envelope("wa-web", chat, id + "-next", "next"));
        assertThat(queued(chat, 2)).extracting(Envelope::messageId).containsExactly(id, id + "-next");
    }

    @Test
    void theSameIdOnAnotherChannelIsAnotherMessage() {
        String chat = newChat();
        String id = UUID.randomUUID().toString();
        publisher().publish(envelope("wa-web", chat, id, "one"));
        publisher().publish(envelope("sim", chat, id, "two"));
        assertThat(queued(chat, 2)).extracting(Envelope::channel).containsExactly("wa-web", "sim");
    }
}
