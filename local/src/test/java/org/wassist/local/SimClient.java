package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client of the simulator's documented HTTP contract (docs/simulator.md) and nothing else: {@code POST
 * /api/sim/messages}, {@code GET /api/sim/chats/{chatId}/messages}, {@code GET /api/sim/chats} and the health
 * endpoints. Waiting polls the transcript until it shows what is awaited, with a generous deadline that only bounds a
 * failing test.
 */
final class SimClient {
    static final Duration AWAIT = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final TypeReference<List<LinkedHashMap<String, Object>>> ENTRIES = new TypeReference<>() {};

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    SimClient(LocalRunChild child) {
        this.base = child.uri("");
    }

    /** An HTTP answer. */
    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** One transcript entry with its fields in the order the API wrote them. */
    record Entry(Map<String, Object> fields) {
        String direction() {
            return String.valueOf(fields.get("direction"));
        }

        String messageId() {
            return String.valueOf(fields.get("messageId"));
        }

        String text() {
            return String.valueOf(fields.get("text"));
        }

        boolean isReplyTo(String inboundMessageId) {
            return direction().equals("out") && messageId().startsWith(inboundMessageId + "#");
        }
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Posts a message; returns the message id the API answered with, after checking the 202. */
    String message(String chatId, @Nullable String senderId, String text, boolean group, @Nullable String messageId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", chatId);
        if (senderId != null) {
            body.put("senderId", senderId);
        }
        body.put("text", text);
        body.put("group", group);
        if (messageId != null) {
            body.put("messageId", messageId);
        }
        Response r = post("/api/sim/messages", json(body));
        assertThat(r.status()).as("POST /api/sim/messages: %s", r.body()).isEqualTo(202);
        String id = r.json().path("messageId").asText();
        assertThat(id).isNotBlank();
        return id;
    }

    /** A message in a private chat from the chat's own user. */
    String say(String chatId, String text) {
        return message(chatId, null, text, false, null);
    }

    /** A message in a group. */
    String sayInGroup(String groupId, String senderId, String text) {
        return message(groupId, senderId, text, true, null);
    }

    List<Entry> transcript(String chatId) {
        Response r = get("/api/sim/chats/" + URLEncoder.encode(chatId, StandardCharsets.UTF_8) + "/messages");
        assertThat(r.status()).as("transcript of a chat: %s", r.body()).isEqualTo(200);
        try {
            return JSON.readValue(r.body(), ENTRIES).stream()
                    .map(m -> new Entry(m))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new AssertionError("transcript is not a JSON array of objects: " + r.body(), e);
        }
    }

    /** Waits until the chat's transcript holds a reply to this message and returns that reply. */
    Entry awaitReply(String chatId, String inboundMessageId) {
        List<Entry> t = awaitTranscript(
                chatId, es -> es.stream().anyMatch(e -> e.isReplyTo(inboundMessageId)), "a reply to a message");
        return t.stream().filter(e -> e.isReplyTo(inboundMessageId)).findFirst().orElseThrow();
    }

    List<Entry> awaitTranscript(String chatId, Predicate<List<Entry>> until, String what) {
        return await(() -> transcript(chatId), until, what + " in the transcript");
    }

    /** Polls {@code value} until {@code until} holds; fails with the last value after {@link #AWAIT}. */
    static <T> T await(Supplier<T> value, Predicate<T> until, String what) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        T last = value.get();
        while (!until.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting for " + what + " after " + AWAIT + "; last seen: " + last);
            }
            LockSupport.parkNanos(POLL_NANOS);
            last = value.get();
        }
        return last;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
