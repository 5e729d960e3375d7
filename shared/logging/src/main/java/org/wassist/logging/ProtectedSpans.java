package org.wassist.logging;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that looks numeric but is never a phone number, so phone detection must not touch it: UUIDs (request and
 * message ids), ISO-8601 dates and times with optional offset, clock times, dotted numbers with two or more dots
 * (versions such as {@code 2.3000.1017054665}, IPv4 addresses), our own pseudonyms, and AWS account ids in ARNs and
 * service URLs.
 */
final class ProtectedSpans {
    /** A pattern with a literal every match contains; when a pattern has a group, only group 1 is protected. */
    private record Span(String marker, Pattern pattern) {
        Span(String marker, String regex) {
            this(marker, Pattern.compile(regex));
        }
    }

    private static final List<Span> SPANS = List.of(
            new Span("-", "(?i)(?<![0-9a-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z])"),
            new Span(
                    "-",
                    "(?<!\\d)\\d{4}-\\d{2}-\\d{2}"
                            + "(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d)"),
            new Span(":", "(?<!\\d)\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?!\\d)"),
            new Span(".", "(?<![+\\d.])\\d++(?:\\.\\d++){2,}+"),
            // Pseudonyms from org.wassist.observability.Pseudonyms: c_, u_ or m_ and 12 base64url characters.
            new Span("_", "(?<![A-Za-z0-9_-])[cmu]_[A-Za-z0-9_-]{12}(?![A-Za-z0-9_-])"),
            // AWS account ids inside ARNs and service URLs (queue URLs).
            new Span("arn:", "arn:aws[a-z-]{0,20}+:[a-z0-9-]{1,40}+:[a-z0-9-]{0,30}+:(\\d{12})(?![A-Za-z0-9])"),
            new Span("amazonaws", "\\.amazonaws\\.com(?:\\.cn)?/(\\d{12})/"));

    private ProtectedSpans() {}

    /** A bit per character of the text, set where the character belongs to a protected span. */
    static BitSet find(String text) {
        BitSet spans = new BitSet(text.length());
        for (Span span : SPANS) {
            if (!text.contains(span.marker())) {
                continue;
            }
            Matcher m = span.pattern().matcher(text);
            int group = m.groupCount() > 0 ? 1 : 0;
            while (m.find()) {
                spans.set(m.start(group), m.end(group));
            }
        }
        return spans;
    }
}
