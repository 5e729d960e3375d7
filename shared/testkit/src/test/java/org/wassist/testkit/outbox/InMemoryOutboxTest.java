package org.wassist.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;

class InMemoryOutboxTest extends OutboxContract {
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Override
    protected Outbox outbox() {
        return outbox;
    }

    @Override
    protected List<OutboundCommand> delivered(String chatId, int expected) {
        return outbox.delivered().stream()
                .filter(c -> c.chatId().equals(chatId))
                .toList();
    }

    @Test
    void sentKeepsRepeatsAndTextsToReadsDelivered() {
        outbox.send(OutboundCommands.text("c@c.us", "m#1", "a"));
        outbox.send(OutboundCommands.text("c@c.us", "m#1", "a"));
        assertThat(outbox.sent()).hasSize(2);
        assertThat(outbox.textsTo("c@c.us")).containsExactly("a");
    }
}
