package org.wassist.standins.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** The OpenAI chat-completions wire format: parsing requests and writing completions, errors and model lists. */
final class ChatWire {
    static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "fake-echo");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private ChatWire() {}

    /** The parsed body, or null when it is not a JSON object. */
    static @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static List<RecordedRequest.Message> messages(@Nullable JsonNode body) {
        List<RecordedRequest.Message> out = new ArrayList<>();
        JsonNode messages = body == null ? null : body.get("messages");
        if (messages == null || !messages.isArray()) {
            return out;
        }
        for (JsonNode m : messages) {
            out.add(new RecordedRequest.Message(m.path("role").asText(""), content(m.get("content"))));
        }
        return out;
    }

    /** Why the request is not a valid chat completion, or null when it is. */
    static @Nullable String problem(@Nullable JsonNode body) {
        if (body == null) {
            return "We could not parse the JSON body of your request.";
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            return "you must provide a model parameter";
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "'messages' must be a non-empty array";
        }
        for (JsonNode m : messages) {
            if (!m.path("role").isTextual()) {
                return "every message needs a 'role'";
            }
        }
        return null;
    }

    static String completion(
            String model, String text, List<RecordedRequest.Message> messages, long createdEpochSecond) {
        int promptTokens = 0;
        for (RecordedRequest.Message m : messages) {
            promptTokens += words(m.content()) + 1;
        }
        int completionTokens = words(text);
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-fake-" + IDS.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", createdEpochSecond)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", text)
                .putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return write(root);
    }

    static String error(FakeResponse r) {
        int status = r.status();
        String code = r.errorCode();
        String message = r.errorMessage();
        String param = r.errorParam();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message == null ? "error" : message);
        error.put("type", status >= 500 ? "server_error" : status == 429 ? "requests" : "invalid_request_error");
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return write(root);
    }

    static String models(long createdEpochSecond) {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : MODELS) {
            data.addObject()
                    .put("id", id)
                    .put("object", "model")
                    .put("created", createdEpochSecond)
                    .put("owned_by", "wassist-fake");
        }
        return write(root);
    }

    /** A rough, deterministic token count: whitespace-separated words. */
    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String content(@Nullable JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText("").equals("text")) {
                sb.append(part.path("text").asText(""));
            }
        }
        return sb.toString();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
