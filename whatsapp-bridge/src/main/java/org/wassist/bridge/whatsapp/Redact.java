package org.wassist.bridge.whatsapp;

import java.util.regex.Pattern;

/** Removes ids and long digit runs from error texts that come out of the page before they reach logs. */
final class Redact {
    private static final Pattern IDS =
            Pattern.compile("[\\w.+:-]*@(c\\.us|lid|g\\.us|s\\.whatsapp\\.net|broadcast|newsletter)|\\d{6,}");
    private static final int MAX = 200;

    private Redact() {}

    static String safe(String s) {
        String r = IDS.matcher(s).replaceAll("[redacted]");
        return r.length() > MAX ? r.substring(0, MAX) + "…" : r;
    }
}
