package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private static BridgeSettings.Pacing pacing(long jitterMs) {
        return new BridgeSettings.Pacing(
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofMillis(jitterMs),
                Duration.ofMillis(30),
                Duration.ofMillis(800),
                Duration.ofSeconds(4),
                Duration.ofSeconds(10),
                Duration.ofSeconds(120));
    }

    @Test
    void waitsForTheGlobalAndThePerChatInterval() {
        Pacer p = new Pacer(pacing(0), RandomGenerator.getDefault());
        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(p.delay("a", later)).isZero();
        p.sent("a", later);
        assertThat(p.delay("b", later)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delay("a", later)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delay("a", later.plusSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delay("a", later.plusSeconds(5))).isZero();
    }

    @Test
    void holdsAfterAReconnectAndTriplesIntervalsDuringWarmUp() {
        Pacer p = new Pacer(pacing(0), RandomGenerator.getDefault());
        p.connected(T0);
        assertThat(p.delay("a", T0)).isEqualTo(Duration.ofSeconds(10));
        p.sent("a", T0.plusSeconds(10));
        assertThat(p.delay("b", T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delay("a", T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(9));
        p.sent("a", T0.plusSeconds(200));
        assertThat(p.delay("b", T0.plusSeconds(200))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysWithinItsBound() {
        Pacer p = new Pacer(pacing(800), RandomGenerator.getDefault());
        for (int i = 0; i < 200; i++) {
            assertThat(p.delay("a", T0.plus(Duration.ofHours(1)))).isBetween(Duration.ZERO, Duration.ofMillis(800));
        }
    }

    @Test
    void typingTimeGrowsWithTheTextWithinBounds() {
        Pacer p = new Pacer(pacing(0), RandomGenerator.getDefault());
        assertThat(p.typing("hi")).isEqualTo(Duration.ofMillis(800));
        assertThat(p.typing("x".repeat(50))).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.typing("x".repeat(1000))).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.typingEnabled()).isTrue();
        assertThat(new Pacer(BridgeSettings.Pacing.none(), RandomGenerator.getDefault()).typingEnabled())
                .isFalse();
    }
}
