package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.errors.UnauthorizedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.config.Secret;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;

/** How server errors, timeouts and refusals surface, and that no key or provider text ever does. */
class OpenAiFailuresIT {
    private static final String KEY = "sk-live-SECRET-4242";
    private static final String USER_TEXT = "my bank PIN is 1234";
    private static final ChatRequest REQUEST = new ChatRequest(List.of(ChatMessage.user(USER_TEXT)), 30);

    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aServerErrorIsRetriedByTheSdkThenTransient() {
        for (int i = 0; i < 3; i++) {
            fake.enqueue(FakeResponse.error(500, "The server had an error").withHeader("retry-after-ms", "0"));
        }
        try (OpenAiChatModel model = model(2)) {
            Failure.Transient failure = catchThrowableOfType(Failure.Transient.class, () -> model.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
            assertThat(failure.getMessage()).contains("HTTP 500").contains("2 SDK retries");
            assertThat(fake.chatRequests()).hasSize(3);
            assertThat(fake.pending()).isZero();
        }
    }

    @Test
    void aServerErrorFollowedBySuccessIsInvisible() {
        fake.enqueue(FakeResponse.unavailable().withHeader("retry-after-ms", "0"), FakeResponse.reply("fine"));
        try (OpenAiChatModel model = model(1)) {
            assertThat(model.complete(REQUEST).text()).isEqualTo("fine");
            assertThat(fake.chatRequests()).hasSize(2);
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetriedThenTransient() {
        fake.enqueue(
                FakeResponse.reply("late").delayed(Duration.ofSeconds(5)),
                FakeResponse.reply("late").delayed(Duration.ofSeconds(5)));
        try (OpenAiChatModel model =
                new OpenAiChatModel(Configs.model(fake.baseUrl(), 1, Duration.ofMillis(300), KEY))) {
            Failure.Transient failure = catchThrowableOfType(Failure.Transient.class, () -> model.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
            assertThat(failure.getMessage()).contains("no answer from the model server");
            assertThat(fake.chatRequests()).hasSize(2);
        }
    }

    @Test
    void anUnreachableServerIsTransient() {
        fake.close();
        try (OpenAiChatModel model = model(0)) {
            Failure.Transient failure = catchThrowableOfType(Failure.Transient.class, () -> model.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        }
    }

    @Test
    void badRequestNotFoundAndUnprocessableArePermanentAndNotRetried() {
        fake.enqueue(
                FakeResponse.error(400, "Invalid value: " + USER_TEXT),
                FakeResponse.error(404, "The model `gpt-x` does not exist"),
                FakeResponse.error(422, "Unprocessable: " + USER_TEXT));
        try (OpenAiChatModel model = model(2)) {
            for (int status : new int[] {400, 404, 422}) {
                Failure.Permanent failure =
                        catchThrowableOfType(Failure.Permanent.class, () -> model.complete(REQUEST));

                assertThat(failure).isNotNull();
                assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_REJECTED);
                assertThat(failure.getMessage()).contains("HTTP " + status).doesNotContain(USER_TEXT);
            }
            assertThat(fake.chatRequests()).hasSize(3);
        }
    }

    @Test
    void aContextThatIsTooLongIsPromptTooLong() {
        fake.enqueue(FakeResponse.error(400, "This model's maximum context length is 128000 tokens.")
                .withErrorCode("context_length_exceeded"));
        try (OpenAiChatModel model = model(0)) {
            Failure.Permanent failure = catchThrowableOfType(Failure.Permanent.class, () -> model.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.PROMPT_TOO_LONG);
            assertThat(failure.getMessage()).contains("code=context_length_exceeded");
        }
    }

    @Test
    void noKeyOrProviderTextAppearsInFailuresOrToString() {
        String quotingBody = "Incorrect API key provided: " + KEY + ". Your message was: " + USER_TEXT;
        fake.forKey(KEY, FakeResponse.error(401, quotingBody));
        try (OpenAiChatModel model = model(0)) {
            Failure failure = catchThrowableOfType(Failure.class, () -> model.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(failure.getCause()).isNull();
            assertThat(List.of(String.valueOf(failure.getMessage()), failure.toString(), model.toString()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(KEY, "SECRET", USER_TEXT, "Incorrect"));
        }
    }

    @Test
    void theSdkItselfQuotesTheProviderBodyWhichIsWhyItIsNeverPassedOn() {
        fake.forKey(KEY, FakeResponse.error(401, "Incorrect API key provided: " + KEY));
        OpenAIClient client = SdkClients.build(Configs.model(fake.baseUrl(), 0, KEY), new Secret(KEY), false);
        try {
            UnauthorizedException raw = catchThrowableOfType(
                    UnauthorizedException.class,
                    () -> client.chat().completions().create(ChatParams.of("m", REQUEST, false)));

            assertThat(raw).isNotNull();
            assertThat(raw.getMessage()).contains(KEY);
        } finally {
            client.close();
        }
    }

    private OpenAiChatModel model(int retries) {
        return new OpenAiChatModel(Configs.model(fake.baseUrl(), retries, KEY));
    }
}
