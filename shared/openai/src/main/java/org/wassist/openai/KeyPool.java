package org.wassist.openai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.config.Secret;

/**
 * API keys used round-robin. A key the provider refused or throttled rests for the cool-down and is skipped until it
 * ends. Keys are only known by their position; {@link #toString()} shows counts, never values. Thread-safe.
 */
final class KeyPool {
    /** A key and its position in the pool (0-based; shown 1-based in logs). */
    record Key(int index, Secret secret) {
        @Override
        public String toString() {
            return "key #" + (index + 1);
        }
    }

    private final List<Secret> keys;
    private final Duration cooldown;
    private final Clock clock;
    private final Instant[] restingUntil;
    private int cursor;

    KeyPool(List<Secret> keys, Duration cooldown, Clock clock) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("key cool-down must not be negative");
        }
        this.keys = List.copyOf(keys);
        this.cooldown = cooldown;
        this.clock = clock;
        this.restingUntil = new Instant[this.keys.size()];
        Arrays.fill(restingUntil, Instant.MIN);
    }

    int size() {
        return keys.size();
    }

    Duration cooldown() {
        return cooldown;
    }

    /** The first key, resting or not, without taking a turn; null when there are none. */
    @Nullable
    Key first() {
        return keys.isEmpty() ? null : new Key(0, keys.get(0));
    }

    /** The next key that is not resting, taking turns; null when every key rests (or there are none). */
    synchronized @Nullable Key next() {
        Instant now = clock.instant();
        for (int tried = 0; tried < keys.size(); tried++) {
            int i = cursor;
            cursor = (cursor + 1) % keys.size();
            if (!now.isBefore(restingUntil[i])) {
                return new Key(i, keys.get(i));
            }
        }
        return null;
    }

    /** The key rests for the cool-down from now. */
    synchronized void rest(Key key) {
        restingUntil[key.index()] = clock.instant().plus(cooldown);
    }

    synchronized int resting() {
        Instant now = clock.instant();
        int n = 0;
        for (Instant until : restingUntil) {
            if (now.isBefore(until)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "KeyPool[keys=" + keys.size() + ", resting=" + resting() + ", cooldown=" + cooldown + "]";
    }
}
