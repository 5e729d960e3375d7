package org.wassist.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step. Permanent failures are answered with their code and acknowledged. Transient failures and bugs
 * are rethrown so the queue redelivers the message, except on the last delivery, where the user is told instead of
 * hearing nothing while the message moves to the dead-letter queue ({@link Verdict}).
 *
 * <p>Its lines carry the message's pseudonyms: {@link Observe}, inside it, puts them into the logging context, and
 * they stay there until the whole message is done ({@link Observe#clearLogContext}).
 */
public final class ErrorBoundary implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        try {
            return next.proceed(ctx);
        } catch (RuntimeException failure) {
            Verdict verdict = Verdict.of(failure, ctx.delivery());
            log(failure, verdict, ctx.delivery());
            if (verdict.decision() == Verdict.Decision.REDELIVER) {
                throw failure;
            }
            return answer(ctx, verdict.code());
        }
    }

    /** Tells the user; if even that fails, the message is redelivered like any transient failure. */
    private static Outcome answer(MessageContext ctx, ErrorCode code) {
        try {
            ctx.reply(code.userText(""));
        } catch (RuntimeException replyFailed) {
            LOG.warn("could not answer the failure code={} cause={}", code.code(), describe(replyFailed));
            throw replyFailed;
        }
        return new Outcome.Rejected(code);
    }

    private static void log(RuntimeException failure, Verdict verdict, Delivery delivery) {
        switch (failure) {
            case Failure.Permanent p ->
                LOG.warn("permanent failure code={} cause={}", verdict.code().code(), describe(p));
            case Failure.Transient t ->
                LOG.warn(
                        "transient failure code={} attempt={} decision={} cause={}",
                        verdict.code().code(),
                        delivery.attempt(),
                        verdict.decisionLabel(),
                        describe(t));
            default ->
                LOG.error(
                        "unexpected failure attempt={} decision={} cause={}",
                        delivery.attempt(),
                        verdict.decisionLabel(),
                        describe(failure),
                        failure);
        }
    }

    /** Exception classes only: provider messages can echo user input. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        Throwable c = t.getCause();
        for (int depth = 0; c != null && depth < 5; depth++, c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName());
        }
        return sb.toString();
    }
}
