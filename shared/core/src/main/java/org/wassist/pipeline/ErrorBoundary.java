package org.wassist.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step. Permanent failures are answered with their code and acknowledged. Transient failures and bugs
 * are rethrown so the queue redelivers the message, except on the last delivery, where the user is told instead of
 * hearing nothing while the message moves to the dead-letter queue.
 */
public final class ErrorBoundary implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        try {
            return next.proceed(ctx);
        } catch (Failure.Permanent failure) {
            LOG.warn("permanent failure code={} cause={}", failure.code().code(), describe(failure));
            return answer(ctx, failure.code());
        } catch (Failure.Transient failure) {
            LOG.warn(
                    "transient failure code={} attempt={} cause={}",
                    failure.code().code(),
                    ctx.delivery().attempt(),
                    describe(failure));
            if (ctx.delivery().isLast()) {
                return answer(ctx, failure.code());
            }
            throw failure;
        } catch (RuntimeException bug) {
            LOG.error("unexpected failure attempt={} cause={}", ctx.delivery().attempt(), describe(bug), bug);
            if (ctx.delivery().isLast()) {
                return answer(ctx, ErrorCode.INTERNAL);
            }
            throw bug;
        }
    }

    private static Outcome answer(MessageContext ctx, ErrorCode code) {
        ctx.reply(code.userText(""));
        return new Outcome.Rejected(code);
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
