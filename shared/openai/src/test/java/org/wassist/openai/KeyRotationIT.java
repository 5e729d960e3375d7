package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;
import org.wassist.testkit.time.MutableClock;

/** The key pool against the fake server: rotation on 401 and 429, the cool-down, and every key resting. */
class KeyRotationIT {
    private static final String ALPHA = "sk-alpha";
    private static final String BRAVO = "sk-bravo";
    private static final ChatRequest REQUEST = new ChatRequest(List.of(ChatMessage.user("Hello")), 30);

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final MutableClock clock = new MutableClock();
    private final OpenAiChatModel model = new OpenAiChatModel(Configs.model(fake.baseUrl(), 2, ALPHA, BRAVO), clock);

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    @Test
    void aRefusedKeyRestsAndTheSameRequestGoesToTheNextKey() {
        fake.forKey(ALPHA, FakeResponse.unauthorized());

        assertThat(model.complete(REQUEST).text()).isEqualTo("echo(1 messages): Hello");

        assertThat(Wire.keys(fake.chatRequests())).containsExactly(ALPHA, BRAVO);
        assertThat(fake.chatRequests().get(1).body())
                .isEqualTo(fake.chatRequests().get(0).body());
    }

    @Test
    void aForbiddenKeyRestsToo() {
        fake.forKey(ALPHA, FakeResponse.error(403, "Project does not have access to model"));

        model.complete(REQUEST);
        model.complete(REQUEST);

        assertThat(Wire.keys(fake.chatRequests())).containsExactly(ALPHA, BRAVO, BRAVO);
    }

    @Test
    void theRestedKeyReturnsAfterTheCooldown() {
        fake.forKey(ALPHA, FakeResponse.unauthorized());
        model.complete(REQUEST);
        fake.clearKey(ALPHA);

        clock.advance(Configs.COOLDOWN.minusSeconds(1));
        model.complete(REQUEST);
        model.complete(REQUEST);
        clock.advance(Duration.ofSeconds(1));
        model.complete(REQUEST);
        model.complete(REQUEST);

        assertThat(Wire.keys(fake.chatRequests())).containsExactly(ALPHA, BRAVO, BRAVO, BRAVO, ALPHA, BRAVO);
    }

    @Test
    void aThrottledKeyRotatesAtOnceWithoutSdkRetriesOnTheSameKey() {
        fake.forKey(ALPHA, FakeResponse.rateLimited().retryAfter(Duration.ofSeconds(20)));

        assertThat(model.complete(REQUEST).text()).startsWith("echo(");
        model.complete(REQUEST);
        clock.advance(Configs.COOLDOWN);
        fake.clearKey(ALPHA);
        model.complete(REQUEST);

        assertThat(Wire.keys(fake.chatRequests())).containsExactly(ALPHA, BRAVO, BRAVO, ALPHA);
    }

    @Test
    void whenEveryKeyRestsTheCallIsTransientAndNoRequestIsSent() {
        fake.forKey(ALPHA, FakeResponse.unauthorized()).forKey(BRAVO, FakeResponse.rateLimited());

        Failure.Transient first = catchThrowableOfType(Failure.Transient.class, () -> model.complete(REQUEST));
        Failure.Transient second = catchThrowableOfType(Failure.Transient.class, () -> model.complete(REQUEST));

        assertThat(first).isNotNull();
        assertThat(first.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        assertThat(first.getMessage())
                .contains("all 2 model API key(s) are resting")
                .contains("HTTP 429");
        assertThat(second).isNotNull();
        assertThat(second.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        assertThat(Wire.keys(fake.chatRequests())).containsExactly(ALPHA, BRAVO);

        fake.clearKey(ALPHA).clearKey(BRAVO);
        clock.advance(Configs.COOLDOWN);
        assertThat(model.complete(REQUEST).text()).startsWith("echo(");
    }

    @Test
    void aSingleThrottledKeyIsRetriedByTheSdkThenRests() {
        try (OpenAiChatModel single = new OpenAiChatModel(Configs.model(fake.baseUrl(), 2, ALPHA), clock)) {
            fake.forKey(ALPHA, FakeResponse.rateLimited().withHeader("retry-after-ms", "0"));

            Failure.Transient failure = catchThrowableOfType(Failure.Transient.class, () -> single.complete(REQUEST));
            Failure.Transient resting = catchThrowableOfType(Failure.Transient.class, () -> single.complete(REQUEST));

            assertThat(failure).isNotNull();
            assertThat(resting).isNotNull();
            assertThat(resting.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
            assertThat(fake.chatRequests()).hasSize(3);
            assertThat(fake.chatRequests().stream().map(r -> r.header("X-Stainless-Retry-Count")))
                    .containsExactly("0", "1", "2");
        }
    }
}
