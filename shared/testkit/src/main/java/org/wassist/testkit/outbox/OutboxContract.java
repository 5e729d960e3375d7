package org.wassist.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;

/**
 * What every {@link Outbox} must do, observed where its commands end up: in order per chat, each command id once,
 * every command type intact. Chats and ids are unique per test, so a shared queue can run the suite.
 */
public abstract class OutboxContract {
    protected abstract Outbox outbox();

    /** The commands that reached the queue for {@code chatId}, in queue order; {@code expected} is how many to await. */
    protected abstract List<OutboundCommand> delivered(String chatId, int expected);

    protected static String newChat() {
        return UUID.randomUUID() + "@c.us";
    }

    @Test
    void commandsOfAChatArriveInOrder() {
        String chat = newChat();
        for (int i = 1; i <= 3; i++) {
            outbox().send(OutboundCommands.text(chat, "m1#" + i, "part " + i));
        }
        assertThat(delivered(chat, 3)).extracting(OutboundCommand::commandId).containsExactly("m1#1", "m1#2", "m1#3");
    }

    @Test
    void aRepeatedCommandIdIsDeliveredOnce() {
        String chat = newChat();
        String m = UUID.randomUUID().toString();
        outbox().send(OutboundCommands.text(chat, m + "#1", "hello"));
        outbox().send(OutboundCommands.text(chat, m + "#1", "hello"));
        outbox().send(OutboundCommands.text(chat, m + "#2", "again"));
        assertThat(delivered(chat, 2)).extracting(OutboundCommand::commandId).containsExactly(m + "#1", m + "#2");
    }

    @Test
    void everyCommandTypeArrivesIntact() {
        String chat = newChat();
        List<OutboundCommand> all = OutboundCommands.oneOfEach(chat);
        all.forEach(outbox()::send);
        assertThat(delivered(chat, all.size())).containsExactlyElementsOf(all);
    }
}
