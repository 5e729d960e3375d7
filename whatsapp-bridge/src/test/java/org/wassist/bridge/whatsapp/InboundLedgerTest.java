package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundLedgerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final InboundLedger ledger = new InboundLedger();

    @Test
    void onlyTakenMessagesCountAsHandedOn() {
        ledger.refused(NOW.minusSeconds(60));
        ledger.took("m2", NOW.minusSeconds(30));

        assertThat(ledger.handedOn("m1")).isFalse();
        assertThat(ledger.handedOn("m2")).isTrue();
    }

    @Test
    void theOldestRefusalIsTakenOnceAndCanBePutBack() {
        ledger.refused(NOW.minusSeconds(30));
        ledger.refused(NOW.minusSeconds(90));
        ledger.refused(NOW.minusSeconds(60));

        assertThat(ledger.refusing()).isTrue();
        Instant oldest = ledger.takeRefused();
        assertThat(oldest).isEqualTo(NOW.minusSeconds(90));
        assertThat(ledger.refusing()).isFalse();
        assertThat(ledger.takeRefused()).isNull();

        ledger.refused(NOW.minusSeconds(10));
        ledger.restoreRefused(oldest);
        assertThat(ledger.takeRefused()).isEqualTo(NOW.minusSeconds(90));
    }

    @Test
    void theJournalMayMarkNothingAfterAMessageStillInTheAir() {
        assertThat(ledger.handledUntil(NOW)).isEqualTo(NOW);

        ledger.took("m1", NOW.minusSeconds(300));
        ledger.took("m2", NOW.minusSeconds(200));
        assertThat(ledger.handledUntil(NOW)).as("m1 not delivered yet").isEqualTo(NOW.minusSeconds(300));

        ledger.delivered("m1");
        assertThat(ledger.handledUntil(NOW)).isEqualTo(NOW.minusSeconds(200));

        ledger.refused(NOW.minusSeconds(400));
        assertThat(ledger.handledUntil(NOW)).as("a refused message").isEqualTo(NOW.minusSeconds(400));

        ledger.delivered("m2");
        ledger.takeRefused();
        assertThat(ledger.handledUntil(NOW)).isEqualTo(NOW);
    }
}
