package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Correctness on large inputs; the patterns must stay linear (a quadratic one would not finish). */
class RedactorLargeInputTest {
    private static final Pattern LEFTOVER_PHONE = Pattern.compile("6581234567|8123 4567|someone@example");

    @Test
    void aMegabyteOfMixedTextIsFullyRedacted() {
        StringBuilder sb = new StringBuilder();
        int chunks = 0;
        while (sb.length() < 1_000_000) {
            sb.append("line ")
                    .append(chunks++)
                    .append(" from +65 8123 4567 and 6581234567@c.us mail someone@example.com at ")
                    .append("2026-11-24T18:27:27.712Z request 123e4567-e89b-12d3-a456-426614174000 bytes=1073741824\n");
        }
        String out = Redactor.standard().redact(sb.toString());

        assertThat(LEFTOVER_PHONE.matcher(out).find()).isFalse();
        assertThat(count(out, "[phone]")).isEqualTo(chunks);
        assertThat(count(out, "[jid]")).isEqualTo(chunks);
        assertThat(count(out, "[email]")).isEqualTo(chunks);
        assertThat(count(out, "bytes=1073741824")).isEqualTo(chunks);
        assertThat(count(out, "123e4567-e89b-12d3-a456-426614174000")).isEqualTo(chunks);
    }

    @Test
    void longRunsWithoutSeparatorsAreHandled() {
        String digits = "7".repeat(200_000);
        String letters = "a".repeat(200_000) + "@";
        String dashed = "sk-" + "x".repeat(200_000);

        assertThat(Redactor.standard().redact(digits)).isEqualTo(digits);
        assertThat(Redactor.standard().redact(letters)).isEqualTo(letters);
        assertThat(Redactor.standard().redact(dashed)).isEqualTo(Redactor.SECRET);
    }

    @Test
    void boundedInputIsCutBeforeAToken() {
        String text = "x".repeat(LogText.MAX_INPUT - 5) + " +6581234567 tail";
        String bounded = LogText.bounded(text);

        assertThat(bounded).endsWith(" " + LogText.TRUNCATED).doesNotContain("658");
        assertThat(LogText.bounded("short")).isEqualTo("short");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
