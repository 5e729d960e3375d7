package org.wassist.logging;

/** Bounds the text handed to the redactor, so one pathological message cannot stall a process. */
final class LogText {
    /**
     * Characters of a message or stack trace that are redacted and handed to the layout. The layout then cuts every
     * string to {@link JsonLogConfiguration#MAX_STRING_LENGTH}, so this only has to be comfortably larger than that.
     */
    static final int MAX_INPUT = 64 * 1024;

    static final String TRUNCATED = "…[truncated]";

    private LogText() {}

    /**
     * The text, or its first {@link #MAX_INPUT} characters when longer. The cut backs off over letters and digits so it
     * never leaves the head of a phone number, e-mail address or key behind.
     */
    static String bounded(String text) {
        if (text.length() <= MAX_INPUT) {
            return text;
        }
        int cut = MAX_INPUT;
        while (cut > 0 && isTokenChar(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + TRUNCATED;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || "+@._-:/=".indexOf(c) >= 0;
    }

    /** Formats and redacts; {@code null} becomes the empty string. */
    static String redacted(Object value) {
        return Redactor.standard().redact(bounded(String.valueOf(value)));
    }
}
