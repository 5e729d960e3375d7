package org.wassist.local.sim;

import java.time.Instant;

/**
 * One line of a simulated chat: what came in, or what the assistant sent.
 *
 * @param direction {@code in} or {@code out}
 * @param type {@code text}, {@code image}, {@code voice}, {@code document} or {@code reaction}
 */
public record TranscriptEntry(
        String chatId, String direction, String messageId, String text, String type, Instant timestamp) {
    public static final String IN = "in";
    public static final String OUT = "out";
}
