package org.wassist.standins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Records each exchange, picks the scripted behaviour and writes the answer in the OpenAI wire format. */
final class FakeHandler implements HttpHandler {
    private final Script script;
    private final List<RecordedRequest> recorded = new ArrayList<>();

    FakeHandler(Script script) {
        this.script = script;
    }

    List<RecordedRequest> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void forget() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json = ChatWire.parse(body);
            RecordedRequest request = record(exchange, body, json);
            Reply reply = route(request, json);
            pause(reply.response());
            send(exchange, reply);
        } catch (IOException e) {
            // The client went away (e.g. it timed out during a scripted delay); nothing to answer.
        }
    }

    private RecordedRequest record(HttpExchange exchange, String body, @Nullable JsonNode json) {
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(),
                body,
                ChatWire.messages(json));
        synchronized (recorded) {
            recorded.add(request);
        }
        return request;
    }

    private Reply route(RecordedRequest request, @Nullable JsonNode json) {
        boolean chat = request.path().equals(FakeOpenAi.CHAT_PATH);
        boolean models = request.path().equals(FakeOpenAi.MODELS_PATH);
        if (!chat && !models) {
            return Reply.error(
                    FakeResponse.error(404, "Unknown request URL: " + request.method() + " " + request.path()));
        }
        String expected = chat ? "POST" : "GET";
        if (!request.method().equals(expected)) {
            return Reply.error(FakeResponse.error(405, "Method not allowed; use " + expected));
        }
        String key = request.bearerToken();
        if (key == null) {
            return Reply.error(
                    FakeResponse.error(401, "You didn't provide an API key.").withErrorCode("missing_api_key"));
        }
        return chat ? chat(request, json, key) : models(key);
    }

    private Reply chat(RecordedRequest request, @Nullable JsonNode body, String key) {
        String problem = ChatWire.problem(body);
        if (body == null || problem != null) {
            return Reply.error(FakeResponse.error(400, problem == null ? "invalid body" : problem));
        }
        FakeResponse response = script.forChat(key);
        if (response.isError()) {
            return Reply.error(response);
        }
        String text = response.text() != null ? response.text() : echoOf(request);
        String model = body.path("model").asText();
        return new Reply(
                response,
                ChatWire.completion(
                        model, text, request.messages(), Instant.now().getEpochSecond()));
    }

    private Reply models(String key) {
        FakeResponse response = script.forModels(key);
        if (response.isError()) {
            return Reply.error(response);
        }
        return new Reply(response, ChatWire.models(Instant.now().getEpochSecond()));
    }

    static String echoOf(RecordedRequest request) {
        String last = request.lastUserMessage();
        return "echo(" + request.messages().size() + " messages): " + (last == null ? "" : last);
    }

    private static void pause(FakeResponse response) {
        if (response.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(response.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        FakeResponse r = reply.response();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        r.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(r.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    /** The response to apply and the body to send. */
    private record Reply(FakeResponse response, String body) {
        static Reply error(FakeResponse response) {
            return new Reply(response, ChatWire.error(response));
        }
    }
}
