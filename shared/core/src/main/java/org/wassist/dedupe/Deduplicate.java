package org.wassist.dedupe;

import java.time.Duration;
import org.wassist.message.Envelope;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Next;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Step;

/**
 * Makes at-least-once delivery safe: a message id that is done is ignored; one that another delivery is processing
 * right now is retried later; a failure releases the claim so the retry can run. The lease must not outlast the
 * queue's visibility timeout, so that a redelivery after a crash finds the lease expired.
 */
public final class Deduplicate implements Step {
    private final ProcessedMessages processed;
    private final Duration lease;
    private final Duration keepFor;

    public Deduplicate(ProcessedMessages processed, Duration lease, Duration keepFor) {
        this.processed = processed;
        this.lease = lease;
        this.keepFor = keepFor;
    }

    /** The idempotency key of a message: channel plus the channel's message id. */
    public static String keyOf(Envelope e) {
        return e.channel() + ":" + e.messageId();
    }

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        String key = keyOf(ctx.envelope());
        return switch (processed.claim(key, ctx.clock().instant(), lease)) {
            case DONE -> new Outcome.Ignored(Outcome.Reason.DUPLICATE);
            case IN_PROGRESS -> inProgressElsewhere(ctx);
            case ACQUIRED -> runClaimed(ctx, next, key);
        };
    }

    /**
     * Another delivery holds the lease and will answer. Before the last delivery, retry later in case it fails; on the
     * last, leave the message to it rather than apologise for an answer that is on its way.
     */
    private static Outcome inProgressElsewhere(MessageContext ctx) {
        if (ctx.delivery().isLast()) {
            return new Outcome.Ignored(Outcome.Reason.BEING_PROCESSED);
        }
        throw new Failure.Transient(ErrorCode.INTERNAL, "message is being processed by another delivery");
    }

    private Outcome runClaimed(MessageContext ctx, Next next, String key) {
        Outcome outcome;
        try {
            outcome = next.proceed(ctx);
        } catch (Failure.Permanent answeredOnce) {
            processed.complete(key, ctx.clock().instant(), keepFor);
            throw answeredOnce;
        } catch (RuntimeException retryable) {
            processed.release(key);
            throw retryable;
        }
        processed.complete(key, ctx.clock().instant(), keepFor);
        return outcome;
    }
}
