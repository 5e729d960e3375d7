package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.openai.OpenAiModelProbe.Result;
import org.wassist.openai.OpenAiModelProbe.Status;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;

class OpenAiModelProbeIT {
    private static final String GOOD = "sk-probe-good-1";
    private static final String BAD = "sk-probe-bad-2";

    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void reachableWhenTheServerListsModelsForEveryKey() {
        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0, GOOD, BAD)).check();

        assertThat(result.status()).isEqualTo(Status.REACHABLE);
        assertThat(result.ready()).isTrue();
        assertThat(result.detail()).contains("127.0.0.1:" + fake.port()).contains("2 key(s)");
        assertThat(fake.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/v1/models");
        });
        assertThat(Wire.keys(fake.requests())).containsExactly(GOOD, BAD);
    }

    @Test
    void keyRejectedNamesTheKeyByPositionOnly() {
        fake.forKey(BAD, FakeResponse.error(401, "Incorrect API key provided: " + BAD));

        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0, GOOD, BAD)).check();

        assertThat(result.status()).isEqualTo(Status.KEY_REJECTED);
        assertThat(result.ready()).isFalse();
        assertThat(result.detail()).contains("key 2 of 2").contains("HTTP 401");
        assertThat(result.toString()).doesNotContain(GOOD, BAD, "Incorrect");
    }

    @Test
    void unreachableWhenNothingListens() {
        fake.close();

        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0, GOOD)).check();

        assertThat(result.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(result.detail()).contains("could not reach").doesNotContain(GOOD);
    }

    @Test
    void unreachableWhenTheAnswerOutlastsTheProbeTimeout() {
        fake.forKey(GOOD, FakeResponse.echo().delayed(Duration.ofSeconds(5)));

        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0, GOOD), Duration.ofMillis(200)).check();

        assertThat(result.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(result.detail()).contains("within 200 ms");
    }

    @Test
    void unreachableWhenTheServerFails() {
        fake.byDefault(FakeResponse.unavailable());

        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0, GOOD)).check();

        assertThat(result.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(result.detail()).contains("HTTP 503");
    }

    @Test
    void noKeyWithoutAnyRequest() {
        Result result = new OpenAiModelProbe(Configs.model(fake.baseUrl(), 0)).check();

        assertThat(result.status()).isEqualTo(Status.NO_KEY);
        assertThat(result.detail()).contains("OPENAI_API_KEY");
        assertThat(fake.requests()).isEmpty();
    }
}
