package org.wassist.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.completions.CompletionUsage;
import java.util.List;
import java.util.Optional;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;

/** Our request and reply types in the SDK's chat-completion types. */
final class ChatParams {
    /** The field servers use for the reply limit by default; see {@link #of}. */
    static final String MAX_TOKENS = "max_tokens";

    /** A completion as the server sends it, for {@link #exercise()}. */
    private static final String CANNED = """
            {"id":"warm-up","object":"chat.completion","created":0,"model":"warm-up","choices":[{"index":0,\
            "finish_reason":"stop","logprobs":null,"message":{"role":"assistant","content":"ok","refusal":null}}],\
            "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private ChatParams() {}

    /**
     * The request for {@code model}. The reply limit goes in {@code max_tokens} unless {@code completionField}: it is
     * the original field, accepted by OpenAI for chat models such as gpt-4o-mini and by practically every
     * OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, LiteLLM and most hosted proxies), while the newer
     * {@code max_completion_tokens} is not understood by all of them (ignored, so no limit applies, or refused). OpenAI's
     * reasoning models (o-series, gpt-5) refuse {@code max_tokens} with a 400 naming it; the adapter then switches to
     * {@code max_completion_tokens} ({@code completionField}). The SDK's typed {@code maxTokens} setter is deprecated,
     * so the field is set as a plain body property.
     */
    static ChatCompletionCreateParams of(String model, ChatRequest request, boolean completionField) {
        ChatCompletionCreateParams.Builder b =
                ChatCompletionCreateParams.builder().model(model);
        for (ChatMessage m : request.messages()) {
            switch (m.speaker()) {
                case SYSTEM -> b.addSystemMessage(m.content());
                case USER -> b.addUserMessage(m.content());
                case ASSISTANT -> b.addAssistantMessage(m.content());
            }
        }
        if (completionField) {
            b.maxCompletionTokens(request.maxReplyTokens());
        } else {
            b.putAdditionalBodyProperty(MAX_TOKENS, JsonValue.from(request.maxReplyTokens()));
        }
        return b.build();
    }

    /**
     * The first choice's text (its refusal when the model refused, empty when there is neither), the model the server
     * names (else {@code requestedModel}) and the usage numbers (zeros when the server reports none).
     */
    static ChatReply reply(ChatCompletion completion, String requestedModel) {
        List<ChatCompletion.Choice> choices = completion._choices().asKnown().orElse(List.of());
        String text = "";
        if (!choices.isEmpty()) {
            ChatCompletionMessage message = choices.get(0).message();
            text = message.content().or(message::refusal).orElse("");
        }
        String model = completion._model().asString().orElse(requestedModel);
        Optional<CompletionUsage> usage = completion._usage().asKnown();
        int prompt = usage.flatMap(u -> u._promptTokens().asKnown())
                .map(ChatParams::toInt)
                .orElse(0);
        int completionTokens = usage.flatMap(u -> u._completionTokens().asKnown())
                .map(ChatParams::toInt)
                .orElse(0);
        return new ChatReply(text, model, prompt, completionTokens);
    }

    /**
     * Runs the SDK's JSON mapping once each way without network: on a cold JVM this costs seconds (Jackson with
     * Kotlin reflection), which would otherwise fall on the first user's message.
     */
    static void exercise() {
        JsonMapper json = ObjectMappers.jsonMapper();
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system("warm"), ChatMessage.user("up")), 16);
        try {
            String body = json.writeValueAsString(of("warm-up", request, false)._body());
            ChatReply reply = reply(json.readValue(CANNED, ChatCompletion.class), "warm-up");
            if (body.isEmpty() || !reply.text().equals("ok")) {
                throw new IllegalStateException("the SDK mapped a canned request or reply wrongly");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK could not map a canned request or reply", e);
        }
    }

    private static int toInt(long n) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
    }
}
