package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;
import org.wassist.standins.openai.RecordedRequest;

/** What goes over the wire: the exact request shape, the reply limit field and usage. */
class OpenAiWireIT {
    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiChatModel model = new OpenAiChatModel(Configs.model(fake.baseUrl(), 0, "sk-wire-key"));

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    @Test
    void sendsModelMessagesMaxTokensAndTheBearerKey() {
        model.complete(new ChatRequest(
                List.of(
                        ChatMessage.system("Be brief."),
                        ChatMessage.user("Hi"),
                        ChatMessage.assistant("Hello!"),
                        ChatMessage.user("Bye")),
                250));

        RecordedRequest r = fake.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk-wire-key");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = Wire.body(r);
        assertThat(body.path("model").asText()).isEqualTo(Configs.MODEL);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(250);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.path("messages")).isEqualTo(Wire.json("""
                        [{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
                         {"role":"assistant","content":"Hello!"},{"role":"user","content":"Bye"}]"""));
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("model", "messages", "max_tokens");
    }

    @Test
    void returnsTextModelAndUsageFromTheServer() {
        fake.fixed("Four.");

        ChatReply reply = model.complete(new ChatRequest(List.of(ChatMessage.user("What is 2 + 2?")), 50));

        assertThat(reply).isEqualTo(new ChatReply("Four.", Configs.MODEL, 5 + 1, 1));
    }

    @Test
    void switchesToMaxCompletionTokensForGoodWhenTheModelRefusesMaxTokens() {
        fake.enqueue(FakeResponse.error(400, "Unsupported parameter: 'max_tokens' is not supported with this model.")
                .withErrorCode("unsupported_parameter")
                .withErrorParam("max_tokens"));
        ChatRequest request = new ChatRequest(List.of(ChatMessage.user("Hi")), 77);

        assertThat(model.complete(request).text()).isEqualTo("echo(1 messages): Hi");
        model.complete(request);

        List<JsonNode> bodies = fake.chatRequests().stream().map(Wire::body).toList();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0).path("max_tokens").asInt()).isEqualTo(77);
        for (JsonNode later : bodies.subList(1, 3)) {
            assertThat(later.has("max_tokens")).isFalse();
            assertThat(later.path("max_completion_tokens").asInt()).isEqualTo(77);
        }
    }

    @Test
    void aThousandCallsInARowAllSucceedOnOneClient() {
        int calls = 1000;
        for (int i = 0; i < calls; i++) {
            String text = "message " + i;
            assertThat(model.complete(new ChatRequest(List.of(ChatMessage.user(text)), 20))
                            .text())
                    .isEqualTo("echo(1 messages): " + text);
        }

        assertThat(fake.chatRequests()).hasSize(calls);
        assertThat(model.clientsBuilt()).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
