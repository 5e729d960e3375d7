package org.wassist.logging;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, in four passes over the text. A match of a later pass is dropped when it overlaps a match of an
 * earlier one or a {@link ProtectedSpans protected span} (timestamps, UUIDs, dotted versions), which are only computed
 * once some pass has found a candidate.
 *
 * <ol>
 *   <li>libphonenumber's {@code findNumbers} for international numbers written with {@code +}, in any common format;
 *   <li>a {@code +} followed by 8 to 15 digits with separators, valid or not;
 *   <li>digit groups without {@code +} (a WhatsApp id's user part, {@code 65 8123 4567}) that libphonenumber accepts
 *       as a valid international number once a {@code +} is put in front;
 *   <li>a fallback: any other standalone run of 8 to 15 digits.
 * </ol>
 *
 * Passes 3 and 4 leave a number alone when the text says it is a quantity ({@code bytes=}, {@code durationMs=},
 * {@code 1073741824 bytes}; see {@link QuantityContext}).
 */
final class PhoneRedaction {
    static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    /** Start boundary for numbers without '+': not inside a word, decimal, or a digit range/date ({@code 12-...}). */
    private static final String BARE_START = "(?<![A-Za-z0-9_.+])(?<!\\d-)";

    /** End boundary: not followed by a word character, nor by {@code .5}, {@code -5}, {@code :5} (versions, times). */
    private static final String BARE_END = "(?![A-Za-z0-9_]|[.:-]\\d)";

    private static final Pattern PLUS = Pattern.compile("(?<![A-Za-z0-9_])\\+\\(?\\d(?:[ .()-]{0,2}\\d){7,14}(?!\\d)");

    private static final Pattern GROUPS =
            Pattern.compile(BARE_START + "\\(?\\d++\\)?(?:[ -]?\\(?\\d++\\)?)*+" + BARE_END);

    private static final Pattern RUN =
            Pattern.compile(BARE_START + "\\d{" + MIN_DIGITS + "," + MAX_DIGITS + "}" + BARE_END);

    private PhoneRedaction() {}

    static String redact(String text) {
        List<List<int[]>> passes = List.of(international(text), plusForms(text), validBareGroups(text), runs(text));
        if (passes.stream().allMatch(List::isEmpty)) {
            return text;
        }
        BitSet claimed = ProtectedSpans.find(text);
        BitSet phones = new BitSet(text.length());
        for (List<int[]> pass : passes) {
            for (int[] range : pass) {
                claim(range[0], range[1], claimed, phones);
            }
        }
        return phones.isEmpty() ? text : replace(text, phones);
    }

    private static boolean mayHavePlusForm(String text) {
        return text.indexOf('+') >= 0 && PLUS.matcher(text).find();
    }

    private static List<int[]> international(String text) {
        List<int[]> found = new ArrayList<>();
        if (mayHavePlusForm(text)) {
            for (PhoneNumberMatch m :
                    Lib.UTIL.findNumbers(text, "ZZ", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        return found;
    }

    private static List<int[]> plusForms(String text) {
        List<int[]> found = new ArrayList<>();
        if (text.indexOf('+') >= 0) {
            collect(PLUS.matcher(text), found);
        }
        return found;
    }

    private static List<int[]> runs(String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            if (!QuantityContext.isQuantity(text, m.start(), m.end())) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        return found;
    }

    private static void collect(Matcher m, List<int[]> into) {
        while (m.find()) {
            into.add(new int[] {m.start(), m.end()});
        }
    }

    private static List<int[]> validBareGroups(String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = GROUPS.matcher(text);
        while (m.find()) {
            String digits = digitsOf(m.group());
            if (digits.length() >= MIN_DIGITS
                    && digits.length() <= MAX_DIGITS
                    && !QuantityContext.isQuantity(text, m.start(), m.end())
                    && isValidInternational(digits)) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        return found;
    }

    /** Marks the range as a phone number unless it overlaps protected or already claimed text. */
    private static void claim(int start, int end, BitSet claimed, BitSet phones) {
        int next = claimed.nextSetBit(start);
        if (next >= 0 && next < end) {
            return;
        }
        claimed.set(start, end);
        phones.set(start, end);
    }

    static boolean isValidInternational(String digits) {
        try {
            return Lib.UTIL.isValidNumber(Lib.UTIL.parse("+" + digits, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String replace(String text, BitSet phones) {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = phones.nextSetBit(i);
            if (start < 0) {
                sb.append(text, i, text.length());
                break;
            }
            int end = phones.nextClearBit(start);
            sb.append(text, i, start).append(Redactor.PHONE);
            i = end;
        }
        return sb.toString();
    }

    /** Loaded on first use: libphonenumber reads its metadata lazily, and most log lines never need it. */
    private static final class Lib {
        static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    }
}
