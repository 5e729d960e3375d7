package org.wassist.pipeline;

/**
 * What the error boundary does with a failure: the code it stands for, and whether the message is answered with that
 * code now or left to the queue to redeliver. Permanent failures are answered at once; transient failures and bugs
 * are redelivered until the last delivery, which answers instead of leaving the user without a word.
 */
record Verdict(ErrorCode code, Decision decision) {
    /** What happens to the message. */
    enum Decision {
        ANSWER,
        REDELIVER
    }

    static Verdict of(RuntimeException failure, Delivery delivery) {
        Decision retryOrTell = delivery.isLast() ? Decision.ANSWER : Decision.REDELIVER;
        return switch (failure) {
            case Failure.Permanent p -> new Verdict(p.code(), Decision.ANSWER);
            case Failure.Transient t -> new Verdict(t.code(), retryOrTell);
            default -> new Verdict(ErrorCode.INTERNAL, retryOrTell);
        };
    }

    /** For logs: {@code failed:E101}. */
    String label() {
        return "failed:" + code.code();
    }

    /** For logs: {@code answer} or {@code redeliver}. */
    String decisionLabel() {
        return decision.name().toLowerCase(java.util.Locale.ROOT);
    }
}
