package org.wassist.pipeline;

/**
 * One link of the message pipeline. A step may act before and after the rest of the chain, replace the context it
 * passes on, or stop the chain by returning without calling {@link Next#proceed}.
 */
@FunctionalInterface
public interface Step {
    Outcome handle(MessageContext ctx, Next next);
}
