package org.wassist.aws.rdsdata;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

/**
 * Waits out an Aurora Serverless v2 resume. A paused cluster answers the first call with
 * {@code DatabaseResumingException} and needs up to about 15 s to come back; the call is retried with a doubling
 * delay ({@link #FIRST_DELAY} up to {@link #MAX_DELAY}) until {@link #WAIT_LIMIT} would be exceeded, then it fails as
 * {@link Failure.Transient} so the message is redelivered later. Callers' timeouts must leave room for the limit.
 */
final class ResumeRetry {
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    static final Duration WAIT_LIMIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ResumeRetry.class);

    /** How to wait; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sleeper sleeper;

    ResumeRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    static ResumeRetry standard() {
        return new ResumeRetry(d -> Thread.sleep(d));
    }

    <T> T call(String operation, Supplier<T> call) {
        Duration waited = Duration.ZERO;
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                return call.get();
            } catch (DatabaseResumingException e) {
                if (waited.plus(delay).compareTo(WAIT_LIMIT) > 0) {
                    throw new Failure.Transient(
                            ErrorCode.INTERNAL,
                            operation + ": the database was still resuming after " + waited.toMillis() + " ms");
                }
                LOG.info("database is resuming; retrying {} in {} ms", operation, delay.toMillis());
                pause(operation, delay);
                waited = waited.plus(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    private void pause(String operation, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure.Transient(ErrorCode.INTERNAL, operation + ": interrupted while the database resumed");
        }
    }
}
