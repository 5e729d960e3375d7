package org.wassist.testkit.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.dedupe.ProcessedMessages.Claim;

/**
 * What every {@link ProcessedMessages} must do. Times are injected instants on whole seconds (stores may keep expiry
 * to the second, as DynamoDB TTL does); keys are unique per test, so a shared store can run the suite.
 */
public abstract class ProcessedMessagesContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    protected static final Duration LEASE = Duration.ofSeconds(60);
    protected static final Duration KEEP = Duration.ofDays(7);
    private static final int CONCURRENT_CLAIMS = 8;

    protected abstract ProcessedMessages store();

    protected static String newKey() {
        return "wa-web:" + UUID.randomUUID();
    }

    @Test
    void aNewKeyIsAcquired() {
        assertThat(store().claim(newKey(), T0, LEASE)).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void aLeasedKeyIsInProgressForOthers() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        assertThat(store().claim(key, T0.plusSeconds(59), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    }

    @Test
    void anExpiredLeaseCanBeTakenOver() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        assertThat(store().claim(key, T0.plusSeconds(61), LEASE)).isEqualTo(Claim.ACQUIRED);
        assertThat(store().claim(key, T0.plusSeconds(62), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    }

    @Test
    void aCompletedKeyIsDoneUntilItExpires() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        store().complete(key, T0.plusSeconds(5), KEEP);
        assertThat(store().claim(key, T0.plusSeconds(6), LEASE)).isEqualTo(Claim.DONE);
        assertThat(store().claim(key, T0.plus(KEEP), LEASE)).isEqualTo(Claim.DONE);
        assertThat(store().claim(key, T0.plus(KEEP).plusSeconds(6), LEASE)).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void aDoneKeyStaysDoneAfterItsLeaseWouldHaveEnded() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        store().complete(key, T0, KEEP);
        assertThat(store().claim(key, T0.plus(LEASE).plusSeconds(1), LEASE)).isEqualTo(Claim.DONE);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgainAtOnce() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        store().release(key);
        assertThat(store().claim(key, T0.plusSeconds(1), LEASE)).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void releaseDoesNotUndoCompletion() {
        String key = newKey();
        store().claim(key, T0, LEASE);
        store().complete(key, T0, KEEP);
        store().release(key);
        assertThat(store().claim(key, T0.plusSeconds(1), LEASE)).isEqualTo(Claim.DONE);
    }

    @Test
    void releasingAnUnknownKeyIsHarmless() {
        String key = newKey();
        store().release(key);
        assertThat(store().claim(key, T0, LEASE)).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void ofConcurrentClaimsExactlyOneIsAcquired() throws Exception {
        String key = newKey();
        ProcessedMessages store = store();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLAIMS)) {
            for (int i = 0; i < CONCURRENT_CLAIMS; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return store.claim(key, T0, LEASE);
                }));
            }
            start.countDown();
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> f : claims) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(c -> c == Claim.ACQUIRED).hasSize(1);
            assertThat(results).filteredOn(c -> c == Claim.IN_PROGRESS).hasSize(CONCURRENT_CLAIMS - 1);
        }
    }
}
