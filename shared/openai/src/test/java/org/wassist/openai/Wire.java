package org.wassist.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.wassist.model.ChatMessage;
import org.wassist.model.Speaker;
import org.wassist.standins.openai.RecordedRequest;

/** Reads what the fake server received. */
final class Wire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {}

    static JsonNode body(RecordedRequest request) {
        return json(request.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ChatMessage> messages(RecordedRequest request) {
        return request.messages().stream()
                .map(m -> new ChatMessage(Speaker.valueOf(m.role().toUpperCase(Locale.ROOT)), m.content()))
                .toList();
    }

    static List<String> keys(List<RecordedRequest> requests) {
        return requests.stream().map(r -> String.valueOf(r.bearerToken())).toList();
    }
}
