package org.wassist.testkit.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;

/**
 * Records every command sent, in order. {@link #delivered()} is what the outbound FIFO queue would hold: a command
 * whose id was sent before is dropped, as the queue's deduplication drops it. Passes {@link OutboxContract}.
 */
public final class InMemoryOutbox implements Outbox {
    private final List<OutboundCommand> sent = new ArrayList<>();
    private final Map<String, OutboundCommand> delivered = new LinkedHashMap<>();

    @Override
    public synchronized void send(OutboundCommand command) {
        sent.add(command);
        delivered.putIfAbsent(command.commandId(), command);
    }

    /** Every send, repeats included. */
    public synchronized List<OutboundCommand> sent() {
        return List.copyOf(sent);
    }

    /** Each command id once, in the order first sent. */
    public synchronized List<OutboundCommand> delivered() {
        return List.copyOf(delivered.values());
    }

    /** The texts delivered to {@code chatId}, in order. */
    public synchronized List<String> textsTo(String chatId) {
        return delivered.values().stream()
                .filter(c -> c.chatId().equals(chatId))
                .filter(c -> c instanceof OutboundCommand.SendText)
                .map(c -> ((OutboundCommand.SendText) c).text())
                .toList();
    }
}
