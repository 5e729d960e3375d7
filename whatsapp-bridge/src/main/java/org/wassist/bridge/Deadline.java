package org.wassist.bridge;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One point in time that several steps share, so that together they never run past it: each step waits only for what
 * remains. The graceful stop uses it, because the orchestrator kills the process when its stop timeout is over.
 * Monotonic time, never the wall clock.
 */
final class Deadline {
    private final LongSupplier nanoTime;
    private final long end;

    private Deadline(LongSupplier nanoTime, long end) {
        this.nanoTime = nanoTime;
        this.end = end;
    }

    /** {@code budget} from now on {@code nanoTime} (tests pass a fake). */
    static Deadline after(Duration budget, LongSupplier nanoTime) {
        return new Deadline(nanoTime, nanoTime.getAsLong() + budget.toNanos());
    }

    static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    /** The time left, zero once it has passed. */
    Duration remaining() {
        long left = end - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** An earlier deadline that leaves {@code reserve} before this one for the steps after it. */
    Deadline before(Duration reserve) {
        return new Deadline(nanoTime, end - reserve.toNanos());
    }
}
