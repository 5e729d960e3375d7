package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class StartFailureTest {
    @Test
    void describesTheWholeCauseChainOnOneLine() {
        RuntimeException failure =
                new UncheckedIOException("cannot listen on port 8080", new IOException("Address already in use"));

        assertThat(StartFailure.describe(failure)).isEqualTo("cannot listen on port 8080 <- Address already in use");
    }

    @Test
    void namesTheTypeWhereThereIsNoMessageAndStopsAfterAFewCauses() {
        Throwable t = new IllegalStateException();
        for (int i = 0; i < 10; i++) {
            t = new IllegalStateException("level " + i, t);
        }

        assertThat(StartFailure.describe(new IllegalStateException((String) null)))
                .isEqualTo("IllegalStateException");
        assertThat(StartFailure.describe(t).split(" <- ", -1)).hasSize(StartFailure.MAX_CAUSES);
    }
}
