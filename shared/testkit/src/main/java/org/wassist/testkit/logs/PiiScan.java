package org.wassist.testkit.logs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds log lines that hold personal data: a value the test knows to be sensitive (its phone numbers, WhatsApp ids
 * and message texts), verbatim or as it appears inside a JSON string; any number libphonenumber accepts as a valid
 * phone number (written with {@code +}, or as the digits of an international number without it); any WhatsApp id.
 *
 * <p>It is deliberately independent of the production redactor and stricter: a number that only the context makes
 * harmless ({@code bytes=6581234567}) is still reported. Timestamps, UUIDs, dotted versions, pseudonyms and AWS
 * account ids in ARNs and queue URLs are ignored.
 */
public final class PiiScan {
    /** A line that failed the scan, with its position in the scanned list and why. */
    public record Finding(int index, String line, String reason) {}

    private static final int MIN_KNOWN = 4;

    private static final Pattern JIDS = Pattern.compile(
            "\\d+(?:[.:_-]\\d+)*@(?:c\\.us|s\\.whatsapp\\.net|g\\.us|lid|newsletter|broadcast)|status@broadcast");

    /** Numeric text that is never a phone number; blanked out before numbers are examined. */
    private static final Pattern NOT_PHONES = Pattern.compile(String.join(
            "|",
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?",
            "\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?",
            "\\d+(?:\\.\\d+){2,}",
            "(?<![A-Za-z0-9_-])[cmu]_[A-Za-z0-9_-]{12}",
            "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{12}",
            "amazonaws\\.com(?:\\.cn)?/\\d{12}"));

    /** Digits without '+': a run, or groups separated by single spaces or hyphens. */
    private static final Pattern BARE =
            Pattern.compile("(?<![A-Za-z0-9_+.])\\d{1,15}(?:[ -]\\d{1,15}){0,5}(?![A-Za-z0-9_]|\\.\\d)");

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().-]{7,}");
    private static final Pattern JID_LIKE = Pattern.compile("(\\d{5,})[\\d.:_-]*@\\S+");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Map<String, Integer> needles;

    private PiiScan(Map<String, Integer> needles) {
        this.needles = needles;
    }

    /**
     * A scan that also looks for these values. Phone numbers and ids are also looked for as bare digits and as national
     * numbers; every value also in its JSON-escaped form.
     */
    public static PiiScan knowing(Collection<String> sensitive) {
        Map<String, Integer> needles = new LinkedHashMap<>();
        int i = 0;
        for (String value : sensitive) {
            if (value.strip().length() < MIN_KNOWN) {
                throw new IllegalArgumentException("known sensitive value #" + i + " is too short to search for");
            }
            for (String form : forms(value)) {
                needles.putIfAbsent(form, i);
            }
            i++;
        }
        return new PiiScan(needles);
    }

    /** A scan for phone numbers and WhatsApp ids only. */
    public static PiiScan generic() {
        return new PiiScan(Map.of());
    }

    public List<Finding> scan(List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String reason = reason(lines.get(i));
            if (reason != null) {
                findings.add(new Finding(i, lines.get(i), reason));
            }
        }
        return findings;
    }

    public List<String> offendingLines(List<String> lines) {
        return scan(lines).stream().map(Finding::line).toList();
    }

    /** Throws an {@link AssertionError} listing every offending line. */
    public void assertClean(List<String> lines) {
        List<Finding> findings = scan(lines);
        if (!findings.isEmpty()) {
            StringBuilder sb = new StringBuilder(findings.size() + " log line(s) hold personal data:");
            findings.forEach(f -> sb.append("\n  #")
                    .append(f.index())
                    .append(" (")
                    .append(f.reason())
                    .append("): ")
                    .append(f.line()));
            throw new AssertionError(sb.toString());
        }
    }

    private @Nullable String reason(String line) {
        for (Map.Entry<String, Integer> needle : needles.entrySet()) {
            if (line.contains(needle.getKey())) {
                return "known sensitive value #" + needle.getValue();
            }
        }
        if (JIDS.matcher(line).find()) {
            return "WhatsApp id";
        }
        return hasValidPhoneNumber(line) ? "valid phone number" : null;
    }

    static boolean hasValidPhoneNumber(String line) {
        String masked = blank(line);
        if (masked.indexOf('+') >= 0
                && PHONES.findNumbers(masked, "ZZ").iterator().hasNext()) {
            return true;
        }
        Matcher m = BARE.matcher(masked);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 8 && digits.length() <= 15 && isValid("+" + digits)) {
                return true;
            }
        }
        return false;
    }

    private static String blank(String line) {
        Matcher m = NOT_PHONES.matcher(line);
        StringBuilder sb = new StringBuilder(line);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static boolean isValid(String number) {
        try {
            return PHONES.isValidNumber(PHONES.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static List<String> forms(String value) {
        List<String> forms = new ArrayList<>(
                List.of(value, new String(JsonStringEncoder.getInstance().quoteAsString(value))));
        Matcher jid = JID_LIKE.matcher(value);
        if (jid.matches()) {
            forms.add(jid.group(1));
        } else if (PHONE_LIKE.matcher(value).matches()) {
            String digits = value.replaceAll("\\D", "");
            forms.add(digits);
            national(digits).ifPresent(forms::add);
        }
        return forms.stream().filter(f -> f.length() >= MIN_KNOWN).distinct().toList();
    }

    private static Optional<String> national(String digits) {
        try {
            String n = PHONES.getNationalSignificantNumber(PHONES.parse("+" + digits, "ZZ"));
            return n.length() >= 7 ? Optional.of(n) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
