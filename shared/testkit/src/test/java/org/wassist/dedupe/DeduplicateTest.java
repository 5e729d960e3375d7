package org.wassist.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wassist.message.Envelope;
import org.wassist.pipeline.Delivery;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Next;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Replies;
import org.wassist.testkit.dedupe.InMemoryProcessedMessages;
import org.wassist.testkit.message.Envelopes;
import org.wassist.testkit.outbox.InMemoryOutbox;
import org.wassist.testkit.time.MutableClock;

/** The idempotency step on its own, over the in-memory store: what it lets through and what it leaves behind. */
class DeduplicateTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration KEEP = Duration.ofDays(7);

    private final MutableClock clock = new MutableClock();
    private final InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
    private final Deduplicate step = new Deduplicate(processed, LEASE, KEEP);
    private final Envelope message = Envelopes.text("!gpt hi").build();
    private final String key = Deduplicate.keyOf(message);
    private final AtomicInteger runs = new AtomicInteger();

    private Outcome deliver(Next rest) {
        return deliver(new Delivery(1, 5), rest);
    }

    private Outcome deliver(Delivery delivery, Next rest) {
        MessageContext ctx = MessageContext.of(message, delivery, new Replies(message, new InMemoryOutbox()), clock);
        return step.handle(ctx, rest);
    }

    private Outcome deliver() {
        return deliver(ctx -> {
            runs.incrementAndGet();
            return new Outcome.Handled("chat");
        });
    }

    private static Next failingWith(RuntimeException failure) {
        return ctx -> {
            throw failure;
        };
    }

    @Test
    void theKeyIsTheChannelAndTheChannelsMessageId() {
        Envelope sameIdOtherChannel =
                Envelopes.text("hi").id(message.messageId()).channel("cloud").build();

        assertThat(key).isEqualTo("sim:" + message.messageId());
        assertThat(Deduplicate.keyOf(sameIdOtherChannel)).isNotEqualTo(key);
    }

    @Test
    void aProcessedMessageIsMarkedDone() {
        Outcome outcome = deliver();

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat"));
        assertThat(processed.stateAt(key, clock.instant())).isEqualTo(ProcessedMessages.Claim.DONE);
    }

    @Test
    void aDoneMessageIsIgnoredWithoutRunningTheRestOfThePipeline() {
        deliver();

        Outcome again = deliver();

        assertThat(again).isEqualTo(new Outcome.Ignored(Outcome.Reason.DUPLICATE));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aDoneMessageIsForgottenAfterTheKeepPeriod() {
        deliver();
        clock.advance(KEEP.plusSeconds(1));

        Outcome again = deliver();

        assertThat(again).isEqualTo(new Outcome.Handled("chat"));
        assertThat(runs).hasValue(2);
    }

    @Test
    void aMessageAnotherDeliveryIsProcessingIsRetriedLaterNotRun() {
        processed.claim(key, clock.instant(), LEASE);
        clock.advance(LEASE.minusSeconds(1));

        assertThatThrownBy(this::deliver).isInstanceOf(Failure.Transient.class);
        assertThat(runs).hasValue(0);
        assertThat(processed.stateAt(key, clock.instant())).isEqualTo(ProcessedMessages.Claim.IN_PROGRESS);
    }

    @Test
    void onTheLastDeliveryAMessageAnotherDeliveryIsProcessingIsLeftToIt() {
        processed.claim(key, clock.instant(), LEASE);
        clock.advance(LEASE.minusSeconds(1));

        Outcome outcome = deliver(new Delivery(5, 5), ctx -> {
            runs.incrementAndGet();
            return new Outcome.Handled("chat");
        });

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.BEING_PROCESSED));
        assertThat(runs).hasValue(0);
        assertThat(processed.stateAt(key, clock.instant())).isEqualTo(ProcessedMessages.Claim.IN_PROGRESS);
    }

    @Test
    void aLeaseLeftByACrashedDeliveryExpiresAndTheMessageRunsAgain() {
        processed.claim(key, clock.instant(), LEASE);
        clock.advance(LEASE);

        Outcome outcome = deliver();

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aPermanentFailureCompletesTheClaimSoARedeliveryIsIgnored() {
        Failure.Permanent refused = new Failure.Permanent(ErrorCode.MODEL_REJECTED, "refused");

        Throwable thrown = catchThrowable(() -> deliver(failingWith(refused)));
        Outcome redelivered = deliver();

        assertThat(thrown).isSameAs(refused);
        assertThat(redelivered).isEqualTo(new Outcome.Ignored(Outcome.Reason.DUPLICATE));
        assertThat(runs).hasValue(0);
    }

    @Test
    void aTransientFailureReleasesTheClaimSoTheRetryRunsAtOnce() {
        Failure.Transient outage = new Failure.Transient(ErrorCode.MODEL_UNAVAILABLE, "timeout");

        Throwable thrown = catchThrowable(() -> deliver(failingWith(outage)));
        ProcessedMessages.Claim afterFailure = processed.stateAt(key, clock.instant());
        Outcome retried = deliver();

        assertThat(thrown).isSameAs(outage);
        assertThat(afterFailure).isNull();
        assertThat(retried).isEqualTo(new Outcome.Handled("chat"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBugReleasesTheClaimLikeATransientFailure() {
        IllegalStateException bug = new IllegalStateException("bug");

        Throwable thrown = catchThrowable(() -> deliver(failingWith(bug)));

        assertThat(thrown).isSameAs(bug);
        assertThat(processed.stateAt(key, clock.instant())).isNull();
    }

    @Test
    void theClaimIsHeldWhileTheRestOfThePipelineRuns() {
        ProcessedMessages.Claim[] seen = new ProcessedMessages.Claim[1];

        deliver(ctx -> {
            seen[0] = processed.claim(key, clock.instant(), LEASE);
            return new Outcome.Handled("chat");
        });

        assertThat(seen[0]).isEqualTo(ProcessedMessages.Claim.IN_PROGRESS);
    }
}
