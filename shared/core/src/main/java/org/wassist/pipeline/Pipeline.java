package org.wassist.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Steps folded once, at start, into one chain; run once per inbound message. */
public final class Pipeline {
    private final List<Step> steps;
    private final Step terminal;

    private Pipeline(List<Step> steps, Step terminal) {
        this.steps = List.copyOf(steps);
        this.terminal = terminal;
    }

    /** A pipeline whose last step is {@code terminal}; a terminal that calls {@code next} gets {@code Ignored}. */
    public static Pipeline of(List<Step> steps, Step terminal) {
        return new Pipeline(steps, terminal);
    }

    public Outcome run(MessageContext ctx) {
        return at(0).proceed(ctx);
    }

    private Next at(int index) {
        AtomicBoolean called = new AtomicBoolean();
        return ctx -> {
            if (!called.compareAndSet(false, true)) {
                throw new IllegalStateException("next called twice by step " + (index - 1));
            }
            if (index < steps.size()) {
                return steps.get(index).handle(ctx, at(index + 1));
            }
            return terminal.handle(ctx, end -> new Outcome.Ignored(Outcome.Reason.NOT_ADDRESSED));
        };
    }
}
