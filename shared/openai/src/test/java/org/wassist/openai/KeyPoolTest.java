package org.wassist.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.wassist.config.Secret;
import org.wassist.testkit.time.MutableClock;

class KeyPoolTest {
    private final MutableClock clock = new MutableClock();
    private final KeyPool pool = new KeyPool(
            List.of(new Secret("sk-one"), new Secret("sk-two"), new Secret("sk-three")), Duration.ofSeconds(60), clock);

    @Test
    void takesTurns() {
        assertThat(indexes(6)).containsExactly(0, 1, 2, 0, 1, 2);
    }

    @Test
    void skipsARestingKeyUntilItsCooldownEnds() {
        KeyPool.Key first = next();
        pool.rest(first);

        assertThat(indexes(4)).containsExactly(1, 2, 1, 2);
        assertThat(pool.resting()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(indexes(2)).containsExactly(1, 2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(pool.resting()).isZero();
        assertThat(indexes(3)).containsExactly(0, 1, 2);
    }

    @Test
    void givesNothingWhenEveryKeyRests() {
        for (int i = 0; i < 3; i++) {
            pool.rest(next());
        }

        assertThat(pool.next()).isNull();
        assertThat(pool.resting()).isEqualTo(3);
    }

    @Test
    void restingAgainRestartsTheCooldown() {
        KeyPool.Key first = next();
        pool.rest(first);
        clock.advance(Duration.ofSeconds(50));
        pool.rest(first);
        clock.advance(Duration.ofSeconds(50));

        assertThat(indexes(2)).containsExactly(1, 2);
    }

    @Test
    void anEmptyPoolHasNoKeys() {
        KeyPool empty = new KeyPool(List.of(), Duration.ofSeconds(1), clock);

        assertThat(empty.size()).isZero();
        assertThat(empty.next()).isNull();
        assertThat(empty.first()).isNull();
    }

    @Test
    void neverShowsKeyValues() {
        KeyPool.Key key = next();
        pool.rest(key);

        assertThat(pool.toString()).isEqualTo("KeyPool[keys=3, resting=1, cooldown=PT1M]");
        assertThat(key.toString()).isEqualTo("key #1");
    }

    private KeyPool.Key next() {
        return Objects.requireNonNull(pool.next(), "a key that is not resting");
    }

    private List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next().index());
        }
        return out;
    }
}
