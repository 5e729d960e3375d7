package org.wassist.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppSecretTest {
    @Test
    void takesOnlyTheAllowedNamesAndSkipsPlaceholders() {
        String json =
                "{\"OPENAI_API_KEYS\":\"sk-a,sk-b\",\"LOG_PSEUDONYM_KEY\":\"REPLACE_ME\",\"OTHER\":\"x\",\"QR_PAGE_TOKEN\":\"  \"}";

        assertThat(AppSecret.parse(json)).containsExactly(java.util.Map.entry("OPENAI_API_KEYS", "sk-a,sk-b"));
    }

    @Test
    void aSecretThatIsNotAnObjectFailsWithoutEchoingIt() {
        assertThatThrownBy(() -> AppSecret.parse("sk-live-123"))
                .hasMessage("the application secret is not a JSON object");
        assertThatThrownBy(() -> AppSecret.parse("[\"sk-live-123\"]"))
                .hasMessage("the application secret is not a JSON object");
    }
}
