package org.wassist.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.http.ReadinessCheck;

/**
 * How the inbound side keeps trying: an action (publishing, storing media) runs until it succeeds, with exponential
 * backoff, and is given up only when the bridge is stopping and its grace period is over. Failures in a row are
 * counted for readiness. Used by the forwarder's one thread; the readiness answer is read from any thread.
 */
final class Retries {
    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);
    private static final Duration BACKOFF_MIN = Duration.ofMillis(500);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile String lastFailure = "";
    private volatile @Nullable Instant giveUpAt;

    /** Runs until it succeeds; false only when stopping and the grace period is over. */
    boolean untilDone(String what, Runnable action) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                failuresInARow.set(0);
                return true;
            } catch (RuntimeException ex) {
                failuresInARow.incrementAndGet();
                lastFailure = what + ": " + ex.getClass().getSimpleName();
                if (pastGrace()) {
                    LOG.error("{} failed while stopping; the message is picked up again after restart", what);
                    return false;
                }
                LOG.warn(
                        "{} failed (attempt {}): {}; retrying",
                        what,
                        attempt,
                        ex.getClass().getSimpleName());
                pause(attempt);
            }
        }
    }

    /** Waits the backoff of the given attempt, but not past the grace period. */
    void pause(int attempt) throws InterruptedException {
        long ms = Math.min(BACKOFF_MIN.toMillis() << Math.min(attempt - 1, 10), BACKOFF_MAX.toMillis());
        Instant until = giveUpAt;
        if (until != null) {
            ms = Math.min(ms, Math.max(0, Duration.between(Instant.now(), until).toMillis()));
        }
        Thread.sleep(ms);
    }

    /** From now on, give up at {@code at}. */
    void giveUpAt(Instant at) {
        giveUpAt = at;
    }

    boolean pastGrace() {
        Instant until = giveUpAt;
        return until != null && !Instant.now().isBefore(until);
    }

    /** Failing while the last attempts keep failing. */
    ReadinessCheck.Result readiness() {
        int n = failuresInARow.get();
        return n == 0
                ? ReadinessCheck.Result.passing("publishing")
                : ReadinessCheck.Result.failing(n + " failure(s) in a row, last " + lastFailure);
    }
}
