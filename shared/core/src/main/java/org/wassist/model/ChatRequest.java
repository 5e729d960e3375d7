package org.wassist.model;

import java.util.List;

/**
 * A chat-completion request: the messages in order (system instruction first, the new user message last) and the
 * most tokens the reply may use.
 */
public record ChatRequest(List<ChatMessage> messages, int maxReplyTokens) {
    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxReplyTokens < 1) {
            throw new IllegalArgumentException("maxReplyTokens must be positive");
        }
    }
}
