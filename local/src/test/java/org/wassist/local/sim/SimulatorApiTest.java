package org.wassist.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.MessageCodec;

/** {@code POST /api/sim/messages} over HTTP: the transcript lists a message before it is queued, and only then. */
class SimulatorApiTest {
    static final String CHAT = "4915100000001@c.us";
    static final String BODY = "{\"chatId\": \"" + CHAT + "\", \"text\": \"hello\", \"messageId\": \"SIMTEST1\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<List<TranscriptEntry>> listedWhenPublished = new ArrayList<>();
    private InboundPublisher publisher = envelope -> {};
    private Transcript transcript;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        transcript = Transcript.open(dir.resolve("transcript.jsonl"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        InboundPublisher recording = envelope -> {
            listedWhenPublished.add(transcript.chat(CHAT));
            publisher.publish(envelope);
        };
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(SimulatorApi.PREFIX, new SimulatorApi(recording, transcript, clock));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        transcript.close();
    }

    @Test
    void anAcceptedMessageWasListedBeforeItWasQueued() throws Exception {
        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("messageId").asText()).isEqualTo("SIMTEST1");
        assertThat(listedWhenPublished)
                .singleElement()
                .satisfies(listed -> assertThat(listed)
                        .extracting(TranscriptEntry::messageId)
                        .containsExactly("SIMTEST1"));
        assertThat(json(get()).findValuesAsText("messageId")).containsExactly("SIMTEST1");
    }

    @Test
    void aMessageTheQueueRefusedIsAnswered503AndNotListed() throws Exception {
        publisher = envelope -> {
            throw new IllegalStateException("queue down");
        };

        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("code").asText()).isEqualTo("SIM-503");
        assertThat(json(get())).isEmpty();
    }

    private HttpResponse<String> post() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/chats/4915100000001%40c.us/messages"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SimulatorApi.PREFIX + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MessageCodec.mapper().readTree(response.body());
    }
}
