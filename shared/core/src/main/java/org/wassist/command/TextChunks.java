package org.wassist.command;

import java.util.ArrayList;
import java.util.List;

/** Splits long replies into messages of at most a given length, preferring paragraph, line and word breaks. */
final class TextChunks {
    private TextChunks() {}

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = breakBefore(rest, max);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int breakBefore(String s, int max) {
        for (String sep : new String[] {"\n\n", "\n", " "}) {
            int i = s.lastIndexOf(sep, max - sep.length());
            if (i > max / 2) {
                return i + sep.length();
            }
        }
        return Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
    }
}
