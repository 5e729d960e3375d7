package org.wassist.local.sim;

import java.time.Instant;

/**
 * One line of a simulated chat: what came in, or what the assistant sent; or, in the file only, the withdrawal of an
 * incoming message whose publishing failed (the message's own fields, direction {@code withdrawn}).
 *
 * @param direction {@code in}, {@code out} or {@code withdrawn}
 * @param type {@code text}, {@code image}, {@code voice}, {@code document} or {@code reaction}
 */
public record TranscriptEntry(
        String chatId, String direction, String messageId, String text, String type, Instant timestamp) {
    public static final String IN = "in";
    public static final String OUT = "out";
    static final String WITHDRAWN = "withdrawn";

    /** The line that withdraws this incoming entry. */
    TranscriptEntry withdrawal() {
        return new TranscriptEntry(chatId, WITHDRAWN, messageId, text, type, timestamp);
    }

    /** The incoming entry this withdrawal line withdraws. */
    TranscriptEntry withdrawnEntry() {
        return new TranscriptEntry(chatId, IN, messageId, text, type, timestamp);
    }
}
