package org.wassist.testkit.memory;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.memory.Turn;
import org.wassist.model.Speaker;

/**
 * Conversation memory in a map, for tests and the fast local loop. Behaves like the SQL store, down to keeping
 * timestamps to the microsecond; {@link ConversationStoreContract} holds both to that.
 */
public final class InMemoryConversationStore implements ConversationStore {
    private record Stored(String sourceMessageId, Turn turn) {}

    private final Map<String, List<Stored>> chats = new HashMap<>();

    @Override
    public synchronized List<Turn> recent(String conversationId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<Stored> turns = chats.getOrDefault(conversationId, List.of());
        return turns.subList(Math.max(0, turns.size() - limit), turns.size()).stream()
                .map(Stored::turn)
                .toList();
    }

    @Override
    public synchronized Optional<Exchange> find(String conversationId, String sourceMessageId) {
        List<Turn> pair = chats.getOrDefault(conversationId, List.of()).stream()
                .filter(s -> s.sourceMessageId().equals(sourceMessageId))
                .map(Stored::turn)
                .toList();
        if (pair.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(new Exchange(
                sourceMessageId,
                pair.get(0).content(),
                pair.get(1).content(),
                pair.get(0).at()));
    }

    @Override
    public synchronized boolean append(String conversationId, Exchange exchange) {
        List<Stored> turns = chats.computeIfAbsent(conversationId, k -> new ArrayList<>());
        if (turns.stream().anyMatch(s -> s.sourceMessageId().equals(exchange.sourceMessageId()))) {
            return false;
        }
        var at = exchange.at().truncatedTo(ChronoUnit.MICROS);
        turns.add(new Stored(exchange.sourceMessageId(), new Turn(Speaker.USER, exchange.userText(), at)));
        turns.add(new Stored(exchange.sourceMessageId(), new Turn(Speaker.ASSISTANT, exchange.assistantText(), at)));
        return true;
    }

    @Override
    public synchronized int clear(String conversationId) {
        List<Stored> removed = chats.remove(conversationId);
        return removed == null ? 0 : removed.size();
    }
}
