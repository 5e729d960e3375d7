package org.wassist.standins.openai;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as {@link FakeOpenAi} received it, before any scripted behaviour was applied.
 *
 * @param method HTTP method
 * @param path request path without the query, e.g. {@code /v1/chat/completions}
 * @param headers all request headers; names are case-insensitive
 * @param body the raw request body (JSON for chat completions; empty for {@code GET})
 * @param messages the chat messages parsed from the body, in order; empty when the body has none
 */
public record RecordedRequest(
        String method, String path, Map<String, List<String>> headers, String body, List<Message> messages) {

    /** One chat message of a request: its role and its text (text parts joined when the content is an array). */
    public record Message(String role, String content) {}

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        messages = List.copyOf(messages);
    }

    /** The first value of a header, or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null when there is none. */
    public @Nullable String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The content of the last message with role {@code user}, or null. */
    public @Nullable String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return null;
    }

    /** Whether this is a chat-completion request. */
    public boolean isChat() {
        return method.equals("POST") && path.equals(FakeOpenAi.CHAT_PATH);
    }
}
