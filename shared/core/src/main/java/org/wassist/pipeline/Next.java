package org.wassist.pipeline;

/** The rest of the chain after a step. Calling it more than once is a programming error. */
@FunctionalInterface
public interface Next {
    Outcome proceed(MessageContext ctx);
}
