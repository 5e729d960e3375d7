package org.wassist.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception's stack as text, in the JDK's familiar layout ({@code at} frames, {@code ... n more},
 * {@code Caused by:}, {@code Suppressed:}), written into a builder instead of a stream, guarded against cycles and
 * bounded in depth.
 */
final class StackText {
    static final int MAX_CAUSES = 20;

    private StackText() {}

    static String of(Throwable t) {
        StringBuilder out = new StringBuilder(1024);
        new Writer(out).append(t, new StackTraceElement[0], "", "", 0);
        return out.toString();
    }

    private record Writer(StringBuilder out, Set<Throwable> seen) {
        Writer(StringBuilder out) {
            this(out, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        /** Frames shared with the enclosing trace are elided as {@code ... n more}, as the JDK does. */
        void append(Throwable t, StackTraceElement[] enclosing, String caption, String indent, int depth) {
            if (!seen.add(t)) {
                out.append(indent).append(caption).append("[circular reference: ");
                out.append(t.getClass().getName()).append("]\n");
                return;
            }
            String message = RedactedErrorResolverFactory.messageOf(t);
            out.append(indent).append(caption).append(t.getClass().getName());
            out.append(message.isEmpty() ? "" : ": " + message).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            int shared = inCommon(frames, enclosing);
            for (int i = 0; i < frames.length - shared; i++) {
                out.append(indent).append("\tat ").append(frames[i]).append('\n');
            }
            if (shared > 0) {
                out.append(indent).append("\t... ").append(shared).append(" more\n");
            }
            for (Throwable s : t.getSuppressed()) {
                append(s, frames, "Suppressed: ", indent + "\t", depth + 1);
            }
            Throwable cause = t.getCause();
            if (cause != null && depth < MAX_CAUSES) {
                append(cause, frames, "Caused by: ", indent, depth + 1);
            }
        }
    }

    private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }
}
