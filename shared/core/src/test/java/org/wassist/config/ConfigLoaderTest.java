package org.wassist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;

class ConfigLoaderTest {
    @Test
    void defaultsMatchTheSeedSystem() {
        AppConfig c = ConfigLoader.load(Map.of(), Profile.LOCAL);

        assertThat(c.prefixes().chat()).isEqualTo("!gpt");
        assertThat(c.prefixes().reset()).isEqualTo("!reset");
        assertThat(c.prefixes().prefixEnabled()).isTrue();
        assertThat(c.prefixes().prefixSkippedForMe()).isTrue();
        assertThat(c.access().groupsEnabled()).isFalse();
        assertThat(c.access().whitelistEnabled()).isFalse();
        assertThat(c.model().baseUrl()).hasToString("https://api.openai.com/v1");
        assertThat(c.model().missing()).containsExactly("OPENAI_API_KEY (or OPENAI_API_KEYS)");
    }

    @Test
    void readsTheSeedVariableNames() {
        AppConfig c = ConfigLoader.load(
                Map.ofEntries(
                        Map.entry("OPENAI_API_KEYS", "sk-a,sk-b"),
                        Map.entry("OPENAI_API_KEY", "sk-ignored"),
                        Map.entry("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"),
                        Map.entry("OPENAI_GPT_MODEL", "llama3.2:3b"),
                        Map.entry("MAX_MODEL_TOKENS", "512"),
                        Map.entry("PRE_PROMPT", "  You are terse.  "),
                        Map.entry("PREFIX_ENABLED", "false"),
                        Map.entry("PREFIX_SKIPPED_FOR_ME", "false"),
                        Map.entry("GPT_PREFIX", "/ask"),
                        Map.entry("RESET_PREFIX", "/new"),
                        Map.entry("GROUPCHATS_ENABLED", "true"),
                        Map.entry("WHITELISTED_ENABLED", "true"),
                        Map.entry("WHITELISTED_PHONE_NUMBERS", "4915100000001, +4915100000002")),
                Profile.LOCAL);

        assertThat(c.model().apiKeys()).extracting(Secret::reveal).containsExactly("sk-a", "sk-b");
        assertThat(c.model().name()).isEqualTo("llama3.2:3b");
        assertThat(c.chat().maxReplyTokens()).isEqualTo(512);
        assertThat(c.chat().prePrompt()).isEqualTo("You are terse.");
        assertThat(c.prefixes()).isEqualTo(new org.wassist.command.Prefixes("/ask", "/new", "!help", false, false));
        assertThat(c.access().groupsEnabled()).isTrue();
        assertThat(c.access().whitelist().allows(Envelopes.direct("x"))).isTrue();
        assertThat(c.model().missing()).isEmpty();
    }

    @Test
    void anEmptyPrefixFallsBackToTheDefaultAsInTheSeed() {
        assertThat(ConfigLoader.load(Map.of("GPT_PREFIX", ""), Profile.LOCAL)
                        .prefixes()
                        .chat())
                .isEqualTo("!gpt");
    }

    @Test
    void listsEveryProblemAtOnceWithoutValues() {
        Map<String, String> env = Map.of(
                "MAX_MODEL_TOKENS", "lots",
                "PREFIX_ENABLED", "maybe",
                "OPENAI_BASE_URL", "ftp://nope",
                "WHITELISTED_PHONE_NUMBERS", "alice",
                "LOG_PSEUDONYM_KEY", "short-secret",
                "RESET_PREFIX", "!gpt");

        assertThatThrownBy(() -> ConfigLoader.load(env, Profile.ROUTER))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(10);
                    assertThat(e.getMessage())
                            .contains(
                                    "MAX_MODEL_TOKENS",
                                    "PREFIX_ENABLED",
                                    "OPENAI_BASE_URL",
                                    "WHITELISTED_PHONE_NUMBERS",
                                    "LOG_PSEUDONYM_KEY",
                                    "RESET_PREFIX",
                                    "OUTBOUND_QUEUE_URL",
                                    "IDEMPOTENCY_TABLE",
                                    "DB_CLUSTER_ARN",
                                    "DB_SECRET_ARN");
                    assertThat(e.getMessage()).doesNotContain("short-secret", "alice", "lots");
                });
    }

    @Test
    void secretsNeverPrint() {
        AppConfig c = ConfigLoader.load(
                Map.of("OPENAI_API_KEY", "sk-live-abcdefghijklmnop", "LOG_PSEUDONYM_KEY", "0123456789abcdef0123"),
                Profile.LOCAL);

        assertThat(c.toString()).doesNotContain("sk-live", "0123456789abcdef");
    }

    @Test
    void numericLimitsAreEnforced() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MEMORY_MAX_TOKENS", "10"), Profile.LOCAL))
                .hasMessageContaining("MEMORY_MAX_TOKENS must be between 64 and 1000000");
        assertThat(ConfigLoader.load(Map.of("IDEMPOTENCY_LEASE_SECONDS", "90"), Profile.LOCAL)
                        .idempotency()
                        .lease())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void awsCallBoundsHaveDocumentedDefaultsAndCanBeSet() {
        assertThat(ConfigLoader.load(Map.of(), Profile.LOCAL).awsTimeouts())
                .isEqualTo(new AppConfig.AwsTimeouts(
                        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30)));
        Map<String, String> env = Map.of(
                "AWS_CALL_TIMEOUT_SECONDS", "20",
                "AWS_ATTEMPT_TIMEOUT_SECONDS", "4",
                "AWS_CONNECT_TIMEOUT_SECONDS", "1",
                "AWS_SOCKET_TIMEOUT_SECONDS", "40");
        AppConfig.AwsTimeouts expected = new AppConfig.AwsTimeouts(
                Duration.ofSeconds(20), Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(40));

        assertThat(ConfigLoader.load(env, Profile.LOCAL).awsTimeouts()).isEqualTo(expected);
        assertThat(ConfigLoader.awsTimeouts(env)).isEqualTo(expected);
    }

    @Test
    void awsCallBoundsThatCouldCutALongPollOrOutlastTheCallAreRefused() {
        Map<String, String> env = Map.of(
                "AWS_CALL_TIMEOUT_SECONDS", "5",
                "AWS_ATTEMPT_TIMEOUT_SECONDS", "6",
                "AWS_SOCKET_TIMEOUT_SECONDS", "20");

        assertThatThrownBy(() -> ConfigLoader.awsTimeouts(env))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "AWS_ATTEMPT_TIMEOUT_SECONDS must not exceed AWS_CALL_TIMEOUT_SECONDS",
                                        "AWS_SOCKET_TIMEOUT_SECONDS must be between 25 and 900"));
    }

    @Test
    void databaseSettingsOfTheJdbcPathAreNotPartOfTheDeploymentSettings() {
        AppConfig c = ConfigLoader.load(
                Map.of("DATABASE_URL", "jdbc:postgresql://db/wassist", "DB_NAME", "wassist"), Profile.LOCAL);

        assertThat(c.infra().values()).containsOnlyKeys("DB_NAME");
    }
}
