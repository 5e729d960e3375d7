package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantityContextTest {
    @Test
    void keysSplitIntoLowerCaseWords() {
        assertThat(QuantityContext.words("durationMs")).containsExactly("duration", "ms");
        assertThat(QuantityContext.words("size_bytes")).containsExactly("size", "bytes");
        assertThat(QuantityContext.words("http.response-length")).containsExactly("http", "response", "length");
    }

    @Test
    void measureKeysAreQuantitiesUnlessTheyAlsoNameAnIdentity() {
        assertThat(QuantityContext.isMeasureKey("durationMs")).isTrue();
        assertThat(QuantityContext.isMeasureKey("expiresAt")).isTrue();
        assertThat(QuantityContext.isMeasureKey("chat")).isFalse();
        assertThat(QuantityContext.isMeasureKey("chatId")).isFalse();
        assertThat(QuantityContext.isMeasureKey("phoneLength")).isFalse();
        assertThat(QuantityContext.isMeasureKey("")).isFalse();
    }

    @Test
    void theKeyIsReadAcrossQuotesSpacesAndSeparators() {
        String json = "{\"sizeBytes\" : \"6581234567\"}";
        assertThat(QuantityContext.keyBefore(json, json.indexOf('6'))).isEqualTo("sizeBytes");
        assertThat(QuantityContext.keyBefore("a bytes=1", 8)).isEqualTo("bytes");
        assertThat(QuantityContext.keyBefore("value 1", 6)).isEmpty();
    }

    @Test
    void unitsAfterTheNumberCount() {
        assertThat(QuantityContext.unitAfter("1 bytes.", 1)).isEqualTo("bytes");
        assertThat(QuantityContext.unitAfter("1 MiB", 1)).isEqualTo("mib");
        assertThat(QuantityContext.unitAfter("1 b2b", 1)).isEmpty();
        assertThat(QuantityContext.isQuantity("read 12345678 bytes", 5, 13)).isTrue();
        assertThat(QuantityContext.isQuantity("call 12345678 now", 5, 13)).isFalse();
    }
}
