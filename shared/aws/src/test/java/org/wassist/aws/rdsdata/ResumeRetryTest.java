package org.wassist.aws.rdsdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wassist.pipeline.Failure;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

class ResumeRetryTest {
    private final List<Duration> waits = new ArrayList<>();
    private final ResumeRetry retry = new ResumeRetry(waits::add);

    private static DatabaseResumingException resuming() {
        return DatabaseResumingException.builder()
                .message("The database is resuming")
                .statusCode(400)
                .build();
    }

    @Test
    void aCallThatSucceedsIsNotRetried() {
        assertThat(retry.call("ExecuteStatement", () -> "ok")).isEqualTo("ok");
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesWhileTheDatabaseResumesWithADoublingDelay() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("ExecuteStatement", () -> {
            if (calls.incrementAndGet() <= 4) {
                throw resuming();
            }
            return "resumed";
        });
        assertThat(result).isEqualTo("resumed");
        assertThat(calls).hasValue(5);
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void givesUpAsTransientOnceTheWaitLimitWouldBeExceeded() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("BeginTransaction", () -> {
                    calls.incrementAndGet();
                    throw resuming();
                }))
                .isInstanceOf(Failure.Transient.class)
                .hasMessageContaining("BeginTransaction: the database was still resuming after 27500 ms");
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isLessThanOrEqualTo(ResumeRetry.WAIT_LIMIT).isEqualTo(Duration.ofMillis(27_500));
        assertThat(waits).allMatch(w -> w.compareTo(ResumeRetry.MAX_DELAY) <= 0);
        assertThat(calls).hasValue(waits.size() + 1).hasValue(9);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("ExecuteStatement", () -> {
                    calls.incrementAndGet();
                    throw BadRequestException.builder().message("syntax").build();
                }))
                .isInstanceOf(BadRequestException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsAsTransient() {
        ResumeRetry interrupted = new ResumeRetry(d -> {
            throw new InterruptedException();
        });
        assertThatThrownBy(() -> interrupted.call("ExecuteStatement", () -> {
                    throw resuming();
                }))
                .isInstanceOf(Failure.Transient.class)
                .hasMessageContaining("interrupted");
        assertThat(Thread.interrupted()).isTrue();
    }
}
