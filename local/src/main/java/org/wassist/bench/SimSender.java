package org.wassist.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts benchmark messages to the simulator API ({@code POST /api/sim/messages}) as the simulator page does. */
final class SimSender {
    /** One benchmark message: its chat, its id and its prompt (the text without the command prefix). */
    record Message(String chatId, String messageId, String prompt) {
        String text() {
            return "!gpt " + prompt;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI endpoint;

    SimSender(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/sim/messages");
    }

    /** The message of chat {@code chat} (0-based) number {@code seq} in a phase; ids and prompts are unique. */
    static Message message(String phase, int chat, int seq) {
        String chatId = (4915100100000L + chat) + "@c.us";
        String id = "BENCH-" + phase + "-" + chat + "-" + seq;
        return new Message(chatId, id, "benchmark " + phase + " chat " + chat + " message " + seq);
    }

    /** Posts one message and fails unless the API accepted it (202). */
    void send(Message m) {
        String body = "{\"chatId\":\"" + m.chatId() + "\",\"text\":\"" + m.text() + "\",\"messageId\":\""
                + m.messageId() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("the simulator API answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the simulator API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
