package org.wassist.dedupe;

import java.time.Duration;
import java.time.Instant;

/**
 * Records which inbound messages are being or have been processed. Implementations must make {@link #claim} atomic
 * (a conditional write): of two concurrent claims of the same key, exactly one is {@link Claim#ACQUIRED}. Records
 * past their expiry count as absent even if the store has not deleted them yet.
 */
public interface ProcessedMessages {
    /**
     * Claims {@code key} for processing until {@code now + lease}, unless it is done or claimed by someone else whose
     * lease has not expired.
     */
    Claim claim(String key, Instant now, Duration lease);

    /** Marks {@code key} done; it then reads as {@link Claim#DONE} until {@code now + keepFor}. */
    void complete(String key, Instant now, Duration keepFor);

    /** Drops a claim after a failure, so a redelivery can claim the key again at once. */
    void release(String key);

    /** The result of a claim. */
    enum Claim {
        ACQUIRED,
        IN_PROGRESS,
        DONE
    }
}
