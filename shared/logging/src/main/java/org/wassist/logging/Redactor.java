package org.wassist.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data and secrets in free text with fixed tokens: WhatsApp ids ({@value #JID}), phone numbers
 * ({@value #PHONE}), e-mail addresses ({@value #EMAIL}), API keys and tokens ({@value #SECRET}) and Singapore NRIC/FIN
 * numbers ({@value #NRIC}). The log layout runs it over every message, context value and exception text.
 *
 * <p>It is a safety net: code must already log only pseudonyms (see {@code org.wassist.observability.Pseudonyms}).
 * Detection favours recall for ids and phone numbers, but leaves timestamps, UUIDs, version strings, durations, ports
 * and byte counts alone so that logs stay useful. Thread-safe; patterns are compiled once and the costlier phone
 * detection runs only when the text holds at least eight digits.
 */
public final class Redactor {
    public static final String JID = "[jid]";
    public static final String PHONE = "[phone]";
    public static final String EMAIL = "[email]";
    public static final String SECRET = "[secret]";
    public static final String NRIC = "[nric]";

    /**
     * WhatsApp ids in every form seen in the wild: {@code <digits>@c.us}, {@code <digits>[.agent][:device]@s.whatsapp.net},
     * {@code @lid}, {@code @g.us} (also the old {@code <creator>-<timestamp>@g.us}), {@code @newsletter},
     * {@code @broadcast} and {@code status@broadcast}. The user part may sit inside a serialized message id
     * ({@code false_<jid>_<hash>}), so only a preceding digit stops a match.
     */
    private static final Pattern JIDS = Pattern.compile("(?<!\\d)\\d++(?:[.:_-]\\d++)*+"
            + "@(?:c\\.us|s\\.whatsapp\\.net|g\\.us|lid|hosted\\.lid|hosted|newsletter|broadcast|bot|call)"
            + "(?![A-Za-z0-9])"
            + "|(?<![A-Za-z0-9])status@broadcast(?![A-Za-z0-9])");

    private static final Pattern EMAILS = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@(?:[A-Za-z0-9-]++\\.)+[A-Za-z]{2,}+(?![A-Za-z0-9-])");

    /** NRIC/FIN: prefix letter, seven digits, checksum letter. */
    private static final Pattern NRICS = Pattern.compile("(?i)(?<![A-Za-z0-9])[STFGM]\\d{7}[A-Z](?![A-Za-z0-9])");

    private static final Redactor STANDARD = new Redactor();

    private Redactor() {}

    /** The redactor every log line passes through. */
    public static Redactor standard() {
        return STANDARD;
    }

    /** The text with every detected sensitive value replaced by its token; the same instance when nothing matched. */
    public String redact(String text) {
        if (text.isEmpty() || isUuidOrPseudonym(text)) {
            return text;
        }
        String s = Secrets.redact(text);
        if (s.indexOf('@') >= 0) {
            s = replace(JIDS, s, JID);
            s = replace(EMAILS, s, EMAIL);
        }
        int digits = countDigits(s, PhoneRedaction.MIN_DIGITS);
        if (digits >= 7) {
            s = replace(NRICS, s, NRIC);
        }
        if (digits >= PhoneRedaction.MIN_DIGITS) {
            s = PhoneRedaction.redact(s);
        }
        return s;
    }

    /**
     * The values most log lines carry in their context (request ids, pseudonyms) hold nothing to redact: recognising
     * them by shape skips every pattern.
     */
    static boolean isUuidOrPseudonym(String s) {
        if (s.length() == 36) {
            for (int i = 0; i < 36; i++) {
                char c = s.charAt(i);
                boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                    return false;
                }
            }
            return true;
        }
        if (s.length() == 14 && "cmu".indexOf(s.charAt(0)) >= 0 && s.charAt(1) == '_') {
            for (int i = 2; i < 14; i++) {
                char c = s.charAt(i);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, String token) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(token)) : text;
    }

    /** Digits in the text, counting no further than {@code enough}. */
    private static int countDigits(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }
}
