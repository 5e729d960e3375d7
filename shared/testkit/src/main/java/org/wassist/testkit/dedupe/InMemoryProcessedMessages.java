package org.wassist.testkit.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.wassist.dedupe.ProcessedMessages;

/** {@link ProcessedMessages} in a map; claims are atomic per key. Passes {@link ProcessedMessagesContract}. */
public final class InMemoryProcessedMessages implements ProcessedMessages {
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(boolean done, Instant until) {}

    @Override
    public Claim claim(String key, Instant now, Duration lease) {
        Claim[] result = new Claim[1];
        entries.compute(key, (k, current) -> {
            if (current == null || !current.until().isAfter(now)) {
                result[0] = Claim.ACQUIRED;
                return new Entry(false, now.plus(lease));
            }
            result[0] = current.done() ? Claim.DONE : Claim.IN_PROGRESS;
            return current;
        });
        return result[0];
    }

    @Override
    public void complete(String key, Instant now, Duration keepFor) {
        entries.put(key, new Entry(true, now.plus(keepFor)));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(key, (k, current) -> current.done() ? current : null);
    }

    /** The state of {@code key} at {@code now}, for assertions: null when absent or expired. */
    public @Nullable Claim stateAt(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || !e.until().isAfter(now)) {
            return null;
        }
        return e.done() ? Claim.DONE : Claim.IN_PROGRESS;
    }
}
