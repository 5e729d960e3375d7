package org.wassist.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand, so leases, expiries and timeouts are reached without sleeping. Thread-safe; clocks
 * made by {@link #withZone} share this clock's time.
 */
public final class MutableClock extends Clock {
    /** Where a clock starts unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-25T10:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    public MutableClock() {
        this(DEFAULT_START);
    }

    /** Moves time forward; a clock never runs backwards. */
    public MutableClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + by);
        }
        now.updateAndGet(t -> t.plus(by));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }
}
