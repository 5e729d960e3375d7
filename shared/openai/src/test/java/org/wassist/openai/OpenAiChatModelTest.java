package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

class OpenAiChatModelTest {
    private static final URI UNUSED = URI.create("http://127.0.0.1:9/v1");

    @Test
    void withoutKeysEveryCallIsPermanentlyNotConfigured() {
        try (OpenAiChatModel model = new OpenAiChatModel(Configs.model(UNUSED, 0))) {
            Failure.Permanent failure = catchThrowableOfType(
                    Failure.Permanent.class,
                    () -> model.complete(new ChatRequest(List.of(ChatMessage.user("hi")), 10)));

            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_NOT_CONFIGURED);
            assertThat(failure.getMessage()).contains("OPENAI_API_KEY");
            assertThat(model.clientsBuilt()).isZero();
        }
    }

    @Test
    void buildsNoClientUntilFirstUseAndOneOnWarmUp() {
        try (OpenAiChatModel model = new OpenAiChatModel(Configs.model(UNUSED, 0, "sk-a", "sk-b"))) {
            assertThat(model.clientsBuilt()).isZero();

            model.warmUp();
            model.warmUp();

            assertThat(model.clientsBuilt()).isEqualTo(1);
        }
    }

    @Test
    void toStringShowsNeitherKeysNorCredentialsInTheUrl() {
        URI withUserInfo = URI.create("https://proxy-user:proxy-pass@llm.example.com:8443/v1?token=abc");
        try (OpenAiChatModel model =
                new OpenAiChatModel(Configs.model(withUserInfo, 0, "sk-live-123", "sk-live-456"))) {
            String shown = model.toString();

            assertThat(shown)
                    .isEqualTo("OpenAiChatModel[server=https://llm.example.com:8443/v1, model=gpt-4o-mini, keys=2]");
            assertThat(shown).doesNotContain("sk-live", "proxy-pass", "token");
        }
    }
}
