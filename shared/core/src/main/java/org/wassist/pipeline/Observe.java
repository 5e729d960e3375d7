package org.wassist.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.wassist.message.Envelope;
import org.wassist.observability.Pseudonyms;

/**
 * Puts pseudonymous ids of the message and chat into the logging context and logs one line per message with its
 * outcome and duration. Never logs ids in clear or any message text.
 */
public final class Observe implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(Observe.class);
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
            LOG.info(
                    "message processed outcome={} type={} group={} attempt={} replies={} durationMs={}",
                    outcome.label(),
                    e.type(),
                    e.isGroup(),
                    ctx.delivery().attempt(),
                    ctx.replies().count(),
                    (System.nanoTime() - start) / 1_000_000);
            return outcome;
        } finally {
            MDC.remove("msg");
            MDC.remove("chat");
            MDC.remove("sender");
        }
    }
}
