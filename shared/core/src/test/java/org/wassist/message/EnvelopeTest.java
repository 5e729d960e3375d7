package org.wassist.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;

class EnvelopeTest {
    @Test
    void withMediaReplacesTheMediaAndKeepsEveryOtherField() {
        Envelope pending = Envelopes.withEveryField(null);
        Media stored = Media.stored("inbound/2026/11/25/abc", "image/jpeg", 1234, null, "ab12");

        Envelope published = pending.withMedia(stored);

        assertThat(published.media()).isEqualTo(stored);
        assertThat(published).usingRecursiveComparison().ignoringFields("media").isEqualTo(pending);
        assertThat(pending.media()).isNull();
    }
}
