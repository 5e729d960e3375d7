package org.wassist.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {
    @Test
    void keepsShortTextWhole() {
        assertThat(TextChunks.split("  hello  ", 100)).containsExactly("hello");
    }

    @Test
    void splitsAtParagraphBreaksWithinTheLimit() {
        String text = "a".repeat(60) + "\n\n" + "b".repeat(60);

        List<String> parts = TextChunks.split(text, 100);

        assertThat(parts).containsExactly("a".repeat(60), "b".repeat(60));
    }

    @Test
    void everyPartRespectsTheLimitAndNothingIsLost() {
        String text = "word ".repeat(1000).strip();

        List<String> parts = TextChunks.split(text, 333);

        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(333));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void neverCutsASurrogatePair() {
        String text = "😀".repeat(300);

        List<String> parts = TextChunks.split(text, 101);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts)
                .allSatisfy(
                        p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
    }
}
