package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;

class ChatParamsTest {
    private static final ChatRequest REQUEST = new ChatRequest(
            List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"), ChatMessage.assistant("Hello!")), 321);

    @Test
    void sendsTheReplyLimitAsMaxTokensByDefault() {
        ChatCompletionCreateParams params = ChatParams.of("llama3.2:3b", REQUEST, false);

        JsonValue maxTokens =
                Objects.requireNonNull(params._additionalBodyProperties().get("max_tokens"));
        assertThat(maxTokens.convert(Integer.class)).isEqualTo(321);
        assertThat(params.maxCompletionTokens()).isEmpty();
        assertThat(params.messages()).hasSize(3);
        assertThat(params.messages().get(0).isSystem()).isTrue();
        assertThat(params.messages().get(1).isUser()).isTrue();
        assertThat(params.messages().get(2).isAssistant()).isTrue();
    }

    @Test
    void sendsMaxCompletionTokensWhenTheModelAsksForIt() {
        ChatCompletionCreateParams params = ChatParams.of("gpt-5-mini", REQUEST, true);

        assertThat(params.maxCompletionTokens()).hasValue(321L);
        assertThat(params._additionalBodyProperties()).doesNotContainKey("max_tokens");
    }

    @Test
    void readsTextModelAndUsage() throws Exception {
        ChatReply reply = ChatParams.reply(completion("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                                     "message":{"role":"assistant","content":"Hi there","refusal":null}}],
                         "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"""), "gpt-4o-mini");

        assertThat(reply).isEqualTo(new ChatReply("Hi there", "gpt-4o-mini-2024-07-18", 12, 3));
    }

    @Test
    void toleratesAServerThatReportsNoUsageAndNoModel() throws Exception {
        ChatReply reply = ChatParams.reply(completion("""
                        {"id":"c1","object":"chat.completion","created":1,
                         "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}"""), "llama3.2:3b");

        assertThat(reply).isEqualTo(new ChatReply("ok", "llama3.2:3b", 0, 0));
    }

    @Test
    void aRefusalIsTheAnswerAndNoChoiceIsAnEmptyAnswer() throws Exception {
        ChatReply refused = ChatParams.reply(completion("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"m",
                         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                                     "message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}"""), "m");
        ChatReply empty = ChatParams.reply(
                completion(
                        "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}"),
                "m");

        assertThat(refused.text()).isEqualTo("I can't help with that.");
        assertThat(empty.text()).isEmpty();
    }

    @Test
    void exercisingTheJsonMappingNeedsNoNetworkAndSucceeds() {
        ChatParams.exercise();
        ChatParams.exercise();
    }

    private static ChatCompletion completion(String json) throws Exception {
        return ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class);
    }
}
