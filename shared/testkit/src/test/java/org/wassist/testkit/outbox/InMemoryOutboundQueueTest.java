package org.wassist.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.wassist.outbox.OutboundQueue;
import org.wassist.outbox.Outbox;

class InMemoryOutboundQueueTest extends OutboundQueueContract {
    private final MutableClock clock = new MutableClock();
    private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue(clock, Duration.ofSeconds(30), 2);

    @Override
    protected Outbox producer() {
        return queue.outbox();
    }

    @Override
    protected OutboundQueue queue() {
        return queue;
    }

    @Test
    void anUnackedCommandReappearsAfterTheVisibilityTimeout() {
        producer().send(OutboundCommands.text("c@c.us", "x#1", "x"));
        assertThat(queue.receive(10, Duration.ZERO)).hasSize(1);
        clock.advance(Duration.ofSeconds(29));
        assertThat(queue.receive(10, Duration.ZERO)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.receive(10, Duration.ZERO))
                .singleElement()
                .satisfies(r -> assertThat(r.receiveCount()).isEqualTo(2));
    }

    @Test
    void aChatWithACommandInFlightIsHeldBack() {
        producer().send(OutboundCommands.text("c@c.us", "x#1", "x"));
        assertThat(queue.receive(1, Duration.ZERO)).hasSize(1);
        producer().send(OutboundCommands.text("c@c.us", "x#2", "y"));
        producer().send(OutboundCommands.text("d@c.us", "y#1", "z"));
        assertThat(queue.receive(10, Duration.ZERO))
                .singleElement()
                .satisfies(r -> assertThat(r.command().chatId()).isEqualTo("d@c.us"));
    }

    @Test
    void aCommandPastItsMaximumReceivesIsDeadLettered() {
        producer().send(OutboundCommands.text("c@c.us", "x#1", "x"));
        for (int i = 0; i < 2; i++) {
            queue.retryLater(queue.receive(10, Duration.ZERO).getFirst(), Duration.ZERO);
        }
        assertThat(queue.receive(10, Duration.ZERO)).isEmpty();
        assertThat(queue.deadLetters()).hasSize(1);
        assertThat(queue.depth()).isZero();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
