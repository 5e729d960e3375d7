package org.wassist.memory;

import java.util.List;
import java.util.Optional;

/**
 * Durable per-conversation memory. A conversation is a chat: one person's private chat, or a whole group.
 * Implementations must keep every appended exchange even when several are appended concurrently to one
 * conversation, and must make {@link #append} idempotent on the exchange's source message id.
 */
public interface ConversationStore {
    /** The newest turns, oldest first, at most {@code limit} of them. */
    List<Turn> recent(String conversationId, int limit);

    /** The exchange already stored for an inbound message, when that message was answered before. */
    Optional<Exchange> find(String conversationId, String sourceMessageId);

    /** Stores both turns atomically; returns false (and stores nothing) if this source message is already stored. */
    boolean append(String conversationId, Exchange exchange);

    /** Forgets the conversation; returns how many turns were removed. */
    int clear(String conversationId);
}
