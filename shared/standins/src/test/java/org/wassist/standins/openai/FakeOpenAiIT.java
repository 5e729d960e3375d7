package org.wassist.standins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THREE_MESSAGES = """
            {"model":"gpt-4o-mini","max_tokens":50,"messages":[
              {"role":"system","content":"Be brief"},
              {"role":"assistant","content":"Earlier answer"},
              {"role":"user","content":"What is 2 + 2?"}]}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    @Test
    void echoesTheRequestInTheOpenAiFormatWithUsage() throws Exception {
        HttpResponse<String> response = chat("key-a", THREE_MESSAGES);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode message = body.path("choices").path(0).path("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("content").asText()).isEqualTo("echo(3 messages): What is 2 + 2?");
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo((2 + 1) + (2 + 1) + (5 + 1));
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(19);
    }

    @Test
    void recordsMethodPathHeadersRawBodyAndParsedMessages() throws Exception {
        chat("key-a", THREE_MESSAGES);

        RecordedRequest r = fake.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.isChat()).isTrue();
        assertThat(r.header("authorization")).isEqualTo("Bearer key-a");
        assertThat(r.bearerToken()).isEqualTo("key-a");
        assertThat(r.header("X-Test")).isEqualTo("yes");
        assertThat(r.body()).isEqualTo(THREE_MESSAGES);
        assertThat(r.messages())
                .containsExactly(
                        new RecordedRequest.Message("system", "Be brief"),
                        new RecordedRequest.Message("assistant", "Earlier answer"),
                        new RecordedRequest.Message("user", "What is 2 + 2?"));
        assertThat(r.lastUserMessage()).isEqualTo("What is 2 + 2?");
    }

    @Test
    void joinsTextPartsOfArrayContent() throws Exception {
        chat("k", """
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"text","text":"Hello "},{"type":"image_url","image_url":{"url":"x"}},
                  {"type":"text","text":"there"}]}]}""");

        assertThat(fake.lastRequest().messages()).containsExactly(new RecordedRequest.Message("user", "Hello there"));
    }

    @Test
    void fixedDefaultAnswersEveryRequestWithTheSameText() throws Exception {
        fake.fixed("Always this.");

        assertThat(replyText(chat("k", THREE_MESSAGES))).isEqualTo("Always this.");
        assertThat(replyText(chat("k", THREE_MESSAGES))).isEqualTo("Always this.");
    }

    @Test
    void scriptedResponsesAreConsumedInOrderThenTheDefaultApplies() throws Exception {
        fake.enqueue(
                FakeResponse.reply("first"),
                FakeResponse.unavailable().retryAfter(Duration.ofMillis(1500)),
                FakeResponse.error(400, "bad request")
                        .withErrorCode("context_length_exceeded")
                        .withErrorParam("messages"));
        assertThat(fake.pending()).isEqualTo(3);

        assertThat(replyText(chat("k", THREE_MESSAGES))).isEqualTo("first");
        HttpResponse<String> outage = chat("k", THREE_MESSAGES);
        assertThat(outage.statusCode()).isEqualTo(503);
        assertThat(outage.headers().firstValue("retry-after")).hasValue("2");
        assertThat(outage.headers().firstValue("retry-after-ms")).hasValue("1500");
        JsonNode error = JSON.readTree(outage.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("The server is overloaded. Please try again later.");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo("server_error");
        HttpResponse<String> rejected = chat("k", THREE_MESSAGES);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rejected.body()).path("error").path("code").asText())
                .isEqualTo("context_length_exceeded");
        assertThat(JSON.readTree(rejected.body()).path("error").path("param").asText())
                .isEqualTo("messages");
        assertThat(fake.pending()).isZero();
        assertThat(replyText(chat("k", THREE_MESSAGES))).startsWith("echo(3 messages)");
    }

    @Test
    void perKeyBehaviourAppliesToChatAndModelsWithoutConsumingTheScript() throws Exception {
        fake.forKey("key-a", FakeResponse.unauthorized()).enqueue(FakeResponse.reply("for b"));

        assertThat(chat("key-a", THREE_MESSAGES).statusCode()).isEqualTo(401);
        assertThat(models("key-a").statusCode()).isEqualTo(401);
        assertThat(fake.pending()).isEqualTo(1);
        assertThat(replyText(chat("key-b", THREE_MESSAGES))).isEqualTo("for b");
        assertThat(models("key-b").statusCode()).isEqualTo(200);

        fake.clearKey("key-a");
        assertThat(chat("key-a", THREE_MESSAGES).statusCode()).isEqualTo(200);
    }

    @Test
    void listsModels() throws Exception {
        HttpResponse<String> response = models("k");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id")).contains("gpt-4o-mini");
        assertThat(fake.lastRequest().method()).isEqualTo("GET");
        assertThat(fake.lastRequest().isChat()).isFalse();
    }

    @Test
    void anErrorDefaultAlsoAnswersTheModelListing() throws Exception {
        fake.byDefault(FakeResponse.unavailable());

        assertThat(models("k").statusCode()).isEqualTo(503);
        assertThat(chat("k", THREE_MESSAGES).statusCode()).isEqualTo(503);
    }

    @Test
    void refusesWhatOpenAiWouldRefuseWithoutConsumingTheScript() throws Exception {
        fake.enqueue(FakeResponse.reply("kept"));

        assertThat(send(post(null, THREE_MESSAGES)).statusCode()).isEqualTo(401);
        assertThat(chat("k", "not json").statusCode()).isEqualTo(400);
        assertThat(chat("k", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(chat("k", "{\"model\":\"m\",\"messages\":[]}").statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(fake.baseUrl().resolve("/v1/embeddings"))
                                .header("Authorization", "Bearer k")
                                .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                                .header("Authorization", "Bearer k")
                                .build())
                        .statusCode())
                .isEqualTo(405);
        assertThat(fake.pending()).isEqualTo(1);
        assertThat(fake.requests()).hasSize(6);
    }

    @Test
    void aDelayedResponseOutlastsAShortClientTimeout() {
        fake.enqueue(FakeResponse.reply("late").delayed(Duration.ofSeconds(5)));
        HttpRequest request = HttpRequest.newBuilder(post("k", THREE_MESSAGES), (n, v) -> true)
                .timeout(Duration.ofMillis(200))
                .build();

        assertThatThrownBy(() -> send(request)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void servesManyConcurrentRequestsAndRecordsEachOnce() throws Exception {
        int threads = 16;
        int perThread = 50;
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> replies = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        replies.add(replyText(chat("k", oneMessage("t" + thread + "-" + i))));
                    }
                    return replies;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<String> replies = results.get(t).get();
                for (int i = 0; i < perThread; i++) {
                    assertThat(replies.get(i)).isEqualTo("echo(1 messages): t" + t + "-" + i);
                }
            }
        }
        assertThat(fake.chatRequests()).hasSize(threads * perThread);
    }

    @Test
    void resetForgetsEverythingAndCloseStopsTheServer() throws Exception {
        fake.fixed("x").enqueue(FakeResponse.reply("y")).forKey("k", FakeResponse.unauthorized());
        chat("k", THREE_MESSAGES);

        fake.reset();

        assertThat(fake.requests()).isEmpty();
        assertThat(fake.pending()).isZero();
        assertThat(replyText(chat("k", THREE_MESSAGES))).startsWith("echo(");
        fake.close();
        assertThatThrownBy(() -> chat("k", THREE_MESSAGES)).isInstanceOf(ConnectException.class);
    }

    private static String oneMessage(String text) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private HttpResponse<String> chat(String key, String body) throws IOException, InterruptedException {
        return send(post(key, body));
    }

    private HttpResponse<String> models(String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + key)
                .build());
    }

    private HttpRequest post(@Nullable String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Test", "yes")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String replyText(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asText();
    }
}
