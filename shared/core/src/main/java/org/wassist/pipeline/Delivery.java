package org.wassist.pipeline;

/**
 * How many times the queue has delivered this message, and how many deliveries it allows before the message goes to
 * the dead-letter queue. The last attempt is the one that must tell the user when it fails.
 */
public record Delivery(int attempt, int maxAttempts) {
    public Delivery {
        if (attempt < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("attempt and maxAttempts start at 1");
        }
    }

    public static Delivery first() {
        return new Delivery(1, 1);
    }

    public boolean isLast() {
        return attempt >= maxAttempts;
    }
}
