package org.wassist.logging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials: well-known key formats, authorization headers and {@code secret-name=value} pairs. Each pattern
 * runs only when a literal it needs occurs in the text, so ordinary lines cost a few {@code indexOf} calls.
 */
final class Secrets {
    /** A key format recognisable on its own, with literals one of which every match contains. */
    private record Format(List<String> markers, Pattern pattern) {
        Format(String marker, String regex) {
            this(List.of(marker), Pattern.compile(regex));
        }

        boolean mayOccurIn(String text) {
            for (String m : markers) {
                if (text.contains(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Each starts at a boundary, so words that merely contain a marker ("task-", "disk-") survive. */
    private static final List<Format> FORMATS = List.of(
            // OpenAI-style keys, including sk-proj-, sk-svcacct-, sk-admin- and sk-ant-.
            new Format("sk-", "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}+"),
            // AWS access key ids: long-term AKIA, temporary ASIA, and the service-specific ABIA and ACCA.
            new Format(
                    List.of("AKIA", "ASIA", "ABIA", "ACCA"),
                    Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])")),
            // Slack-style tokens: xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, and app-level xapp-.
            new Format("xox", "(?<![A-Za-z0-9])xox[abeoprs]-[A-Za-z0-9-]{10,}+"),
            new Format("xapp-", "(?<![A-Za-z0-9])xapp-[A-Za-z0-9-]{10,}+"),
            // GitHub and Google API keys.
            new Format("gh", "(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{30,}+"),
            new Format("github_pat_", "(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{30,}+"),
            new Format("AIza", "(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}"),
            // JSON Web Tokens (header.payload.signature, base64url).
            new Format("eyJ", "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+"),
            // PEM private keys, to the END line or the end of the text.
            new Format(
                    "PRIVATE KEY",
                    "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|\\z)"));

    /** {@code Authorization} header schemes: the scheme stays, the credential goes. */
    private static final Pattern SCHEMES = Pattern.compile("(?i)\\b(Bearer|Basic)\\s++[A-Za-z0-9._~+/-]{8,}+=*+");

    /**
     * {@code name=value}, {@code name: value} and {@code "name":"value"} where the name says the value is secret.
     * The value is replaced up to a space, quote or separator. Values already redacted, or holding a scheme handled by
     * {@link #SCHEMES}, are left alone, and so are ARN and path segments ({@code :secret:name}, {@code /token/}).
     */
    private static final Pattern ASSIGNMENTS = Pattern.compile("(?i)(?<![:/])\\b((?:[a-z0-9]+[_.-])*"
            + "(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key"
            + "|access[_-]?token|refresh[_-]?token|auth[_-]?token|id[_-]?token|session[_-]?token"
            + "|client[_-]?secret|private[_-]?key|authorization|x-api-key)"
            + "[\"']?\\s*+[:=]\\s*+[\"']?)"
            + "(?!\\[secret]|Bearer\\b|Basic\\b)[^\\s\"',;&}\\]]++");

    /** Lower-case literals, one of which every {@link #ASSIGNMENTS} key contains. */
    private static final List<String> ASSIGNMENT_MARKERS =
            List.of("pass", "pwd", "secret", "token", "key", "authorization");

    private static final String SECRET = Matcher.quoteReplacement(Redactor.SECRET);

    private Secrets() {}

    static String redact(String text) {
        String s = text;
        for (Format f : FORMATS) {
            if (f.mayOccurIn(s)) {
                s = replace(f.pattern(), s, SECRET);
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("bearer") || lower.contains("basic")) {
            s = replace(SCHEMES, s, "$1 " + SECRET);
        }
        if (ASSIGNMENT_MARKERS.stream().anyMatch(lower::contains)) {
            s = replace(ASSIGNMENTS, s, "$1" + SECRET);
        }
        return s;
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
