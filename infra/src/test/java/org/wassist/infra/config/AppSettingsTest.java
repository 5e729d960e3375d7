package org.wassist.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppSettingsTest {
    private static Map<String, String> read(Map<String, Object> settings) {
        ContextReader r = new ContextReader(Map.<String, Object>of("appSettings", settings)::get);
        Map<String, String> out = AppSettings.read(r, "appSettings");
        if (!r.problems().isEmpty()) {
            throw new InfraConfigException(r.problems());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "OPENAI_API_KEY",
                "OPENAI_API_KEYS",
                "LOG_PSEUDONYM_KEY",
                "KEY",
                "WHATSAPP_TOKEN",
                "ACCESS_TOKEN_VALUE",
                "TOKENS",
                "API_TOKENS",
                "CLIENT_SECRET",
                "SECRETS",
                "DB_PASSWORD",
                "AWS_CREDENTIALS"
            })
    void secretLookingNamesAreRefusedWithAPointerToTheAppSecret(String name) {
        assertThat(AppSettings.looksSecret(name)).isTrue();
        assertThatThrownBy(() -> read(Map.of(name, "x")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("appSettings." + name + " looks like a secret")
                .hasMessageContaining("put it into the app secret")
                .hasMessageNotContaining("\"x\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MAX_MODEL_TOKENS",
                "MEMORY_MAX_TOKENS",
                "PRE_PROMPT",
                "OPENAI_BASE_URL",
                "GPT_PREFIX",
                "KEYWORDS_ENABLED",
                "WHITELISTED_PHONE_NUMBERS"
            })
    void ordinarySettingsPass(String name) {
        assertThat(AppSettings.looksSecret(name)).isFalse();
        assertThat(read(Map.of(name, "v"))).containsEntry(name, "v");
    }

    @Test
    void valuesBecomeTextAndEveryProblemIsReportedAtOnce() {
        assertThat(read(Map.of("MEMORY_MAX_TURNS", 40, "GROUPCHATS_ENABLED", true)))
                .containsEntry("MEMORY_MAX_TURNS", "40")
                .containsEntry("GROUPCHATS_ENABLED", "true");
        assertThatThrownBy(() -> read(Map.of(
                        "OPENAI_API_KEY", "sk-live",
                        "lower_case", "x",
                        "OUTBOUND_QUEUE_URL", "x",
                        "AWS_REGION", "x",
                        "NESTED", Map.of("a", 1))))
                .isInstanceOfSatisfying(
                        InfraConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(5)
                                .anySatisfy(
                                        p -> assertThat(p).contains("lower_case is not an environment variable name"))
                                .anySatisfy(p -> assertThat(p).contains("OUTBOUND_QUEUE_URL is set by the deployment"))
                                .anySatisfy(p -> assertThat(p).contains("AWS_REGION is set by the deployment"))
                                .anySatisfy(p -> assertThat(p).contains("NESTED must be a string, number or boolean")))
                .hasMessageNotContaining("sk-live");
    }

    @Test
    void settingsGivenAsJsonTextOnTheCommandLineAreParsed() {
        ContextReader r = new ContextReader(Map.<String, Object>of("appSettings", "{\"PRE_PROMPT\":\"Hi\"}")::get);
        assertThat(AppSettings.read(r, "appSettings")).containsEntry("PRE_PROMPT", "Hi");
        ContextReader bad = new ContextReader(Map.<String, Object>of("appSettings", "PRE_PROMPT=Hi")::get);
        AppSettings.read(bad, "appSettings");
        assertThat(bad.problems()).containsExactly("appSettings must be a JSON object of names to values");
    }

    @Test
    void settingsTooLargeForALambdaEnvironmentAreRefused() {
        assertThatThrownBy(() -> read(Map.of("PRE_PROMPT", "x".repeat(AppSettings.MAX_BYTES))))
                .hasMessageContaining("appSettings holds " + (AppSettings.MAX_BYTES + 10) + " bytes");
    }
}
