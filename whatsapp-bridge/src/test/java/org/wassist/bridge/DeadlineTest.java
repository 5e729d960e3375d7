package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private final AtomicLong nanos = new AtomicLong(1_000);

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void stepsShareOneDeadlineAndTheLastGetsWhatIsLeft() {
        Deadline end = Deadline.after(Duration.ofSeconds(45), nanos::get);
        Deadline work = end.before(BridgeApp.channelShare(Duration.ofSeconds(45)));

        assertThat(work.remaining()).isEqualTo(Duration.ofSeconds(30));
        pass(Duration.ofSeconds(12));
        assertThat(work.remaining()).isEqualTo(Duration.ofSeconds(18));
        assertThat(end.remaining()).isEqualTo(Duration.ofSeconds(33));
        pass(Duration.ofSeconds(40));
        assertThat(work.remaining()).isZero();
        assertThat(end.remaining()).as("never negative").isZero();
    }

    @Test
    void theChannelKeepsAThirdOfTheBudgetAtMostFifteenSeconds() {
        assertThat(BridgeApp.channelShare(Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(15));
        assertThat(BridgeApp.channelShare(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(15));
        assertThat(BridgeApp.channelShare(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(3));
    }
}
