package org.wassist.model;

/** One message of a chat-completion request. */
public record ChatMessage(Speaker speaker, String content) {
    public static ChatMessage system(String content) {
        return new ChatMessage(Speaker.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Speaker.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Speaker.ASSISTANT, content);
    }
}
