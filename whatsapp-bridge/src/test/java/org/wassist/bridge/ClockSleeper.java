package org.wassist.bridge;

import org.wassist.testkit.time.MutableClock;

/** Test sleepers on testkit's {@link MutableClock}: waiting advances the clock instead of the wall clock. */
final class ClockSleeper {
    private ClockSleeper() {}

    /**
     * A sleeper that advances {@code clock} by each positive wait (testkit's clock only moves forward) and then yields
     * for a millisecond, so the threads that wait on the advanced time get to run.
     */
    static Sleeper advancing(MutableClock clock) {
        return d -> {
            if (d.isPositive()) {
                clock.advance(d);
            }
            Thread.sleep(1);
        };
    }
}
