package org.wassist.bridge;

import java.time.Duration;

/** Waits for pacing and backoff. Production sleeps; tests advance their clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
