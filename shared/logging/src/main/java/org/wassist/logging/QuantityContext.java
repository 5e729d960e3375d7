package org.wassist.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from the surrounding text whether a bare number is a quantity rather than a phone number: it is the value
 * of a key naming a measure ({@code bytes=1073741824}, {@code "durationMs":12345678}, {@code expiresAt=1732472847})
 * or it is followed by a unit ({@code 1073741824 bytes}). A key that also names an identity ({@code chatId},
 * {@code phoneLength}) never makes a number a quantity.
 */
final class QuantityContext {
    private static final Set<String> MEASURES = Set.of(
            "bytes",
            "byte",
            "size",
            "length",
            "len",
            "count",
            "total",
            "ms",
            "millis",
            "nanos",
            "ns",
            "us",
            "micros",
            "sec",
            "secs",
            "seconds",
            "duration",
            "elapsed",
            "latency",
            "time",
            "timeout",
            "ttl",
            "epoch",
            "ts",
            "timestamp",
            "at",
            "offset",
            "port",
            "pid",
            "seq",
            "sequence",
            "version",
            "tokens",
            "limit",
            "max",
            "min",
            "free",
            "used",
            "capacity",
            "memory",
            "mem",
            "heap",
            "checksum",
            "crc");

    private static final Set<String> IDENTITIES = Set.of(
            "phone",
            "number",
            "msisdn",
            "tel",
            "mobile",
            "contact",
            "chat",
            "user",
            "sender",
            "from",
            "to",
            "jid",
            "id",
            "wa",
            "owner",
            "recipient",
            "author",
            "participant");

    private static final Set<String> UNITS = Set.of(
            "b", "kb", "kib", "mb", "mib", "gb", "gib", "byte", "bytes", "ms", "s", "sec", "secs", "seconds", "ns",
            "us", "µs", "millis", "min", "mins", "minutes", "h", "hours", "tokens", "chars", "%");

    private static final int MAX_KEY = 64;

    private QuantityContext() {}

    /** True when the number at {@code [start, end)} is labelled by a measure key or followed by a unit. */
    static boolean isQuantity(String text, int start, int end) {
        return isMeasureKey(keyBefore(text, start)) || UNITS.contains(unitAfter(text, end));
    }

    /** The identifier before {@code =} or {@code :} (quotes and spaces allowed around them), or "". */
    static String keyBefore(String text, int start) {
        int i = skip(text, start - 1, " \"'");
        if (i < 0 || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
            return "";
        }
        int keyEnd = skip(text, i - 1, " \"'") + 1;
        int keyStart = keyEnd;
        while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && isKeyChar(text.charAt(keyStart - 1))) {
            keyStart--;
        }
        return text.substring(keyStart, keyEnd);
    }

    private static int skip(String text, int from, String chars) {
        int i = from;
        while (i >= 0 && chars.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    static boolean isMeasureKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        List<String> words = words(key);
        return words.stream().anyMatch(MEASURES::contains) && words.stream().noneMatch(IDENTITIES::contains);
    }

    /** camelCase, snake_case, dotted and dashed keys split into lower-case words. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean split = !Character.isLetterOrDigit(c)
                    || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1)));
            if (split && !word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The letters (or {@code %}) right after the number, allowing one space between; lower-case. */
    static String unitAfter(String text, int end) {
        int i = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        int j = i;
        while (j < text.length() && j - i < 10 && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '%')) {
            j++;
        }
        if (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
            return "";
        }
        return text.substring(i, j).toLowerCase(Locale.ROOT);
    }
}
