package org.wassist.pipeline;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.wassist.message.Envelope;
import org.wassist.observability.Pseudonyms;

/**
 * Puts pseudonymous ids of the message, chat and sender into the logging context and logs exactly one outcome line
 * per message, with its duration: the outcome it returned, or for a failure {@code failed:<code>} and the decision the
 * error boundary takes ({@code answer} or {@code redeliver}). Never logs ids in clear or any message text.
 *
 * <p>The context keys stay set when this step returns or throws, so that the error boundary's lines around it carry
 * them too; whoever runs the pipeline calls {@link #clearLogContext} when the message is done.
 */
public final class Observe implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(Observe.class);
    private static final String LINE =
            "message processed outcome={} decision={} type={} group={} attempt={} replies={} durationMs={}";
    /** The logging context keys: message, chat and sender pseudonyms. */
    static final List<String> KEYS = List.of("msg", "chat", "sender");

    private final Pseudonyms pseudonyms;

    public Observe(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        Envelope e = ctx.envelope();
        long start = System.nanoTime();
        MDC.put("msg", pseudonyms.message(e.messageId()));
        MDC.put("chat", pseudonyms.chat(e.chatId()));
        MDC.put("sender", pseudonyms.user(e.sender().id()));
        try {
            Outcome outcome = next.proceed(ctx);
            log(ctx, outcome.label(), "done", start);
            return outcome;
        } catch (RuntimeException failure) {
            Verdict verdict = Verdict.of(failure, ctx.delivery());
            log(ctx, verdict.label(), verdict.decisionLabel(), start);
            throw failure;
        }
    }

    private static void log(MessageContext ctx, String outcome, String decision, long start) {
        Envelope e = ctx.envelope();
        LOG.info(
                LINE,
                outcome,
                decision,
                e.type(),
                e.isGroup(),
                ctx.delivery().attempt(),
                ctx.replies().count(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Removes the keys this step put into the logging context; call it once a message is done, however it ended. */
    public static void clearLogContext() {
        KEYS.forEach(MDC::remove);
    }
}
