package org.wassist.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Timestamp text as the Data API and PostgreSQL write it. The Data API uses {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in
 * UTC; other endpoints and PostgreSQL's own output use ISO-8601 with {@code Z} or an offset ({@code +02},
 * {@code +02:00}). Both parse to the same instant.
 */
public final class SqlTimestamps {
    private static final Pattern SHORT_OFFSET = Pattern.compile("([+-]\\d{2})$");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OUT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter(Locale.ROOT);

    private SqlTimestamps() {}

    public static Instant parse(String text) {
        String s = text.strip().replace('T', ' ');
        try {
            if (s.endsWith("Z") || s.endsWith("z")) {
                return LocalDateTime.parse(s.substring(0, s.length() - 1), LOCAL)
                        .toInstant(ZoneOffset.UTC);
            }
            int offsetAt = offsetStart(s);
            if (offsetAt < 0) {
                return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
            }
            String offset = SHORT_OFFSET.matcher(s.substring(offsetAt)).replaceAll("$1:00");
            return OffsetDateTime.of(LocalDateTime.parse(s.substring(0, offsetAt), LOCAL), ZoneOffset.of(offset))
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("not a timestamp: expected YYYY-MM-DD HH:MM:SS[.ffffff] or ISO-8601", e);
        }
    }

    /** The Data API's format, in UTC, to the microsecond (what PostgreSQL keeps); no fraction when it is zero. */
    public static String format(Instant instant) {
        return OUT.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** Where a trailing {@code +hh[:mm]} / {@code -hh[:mm]} offset starts, after the time part; -1 if none. */
    private static int offsetStart(String s) {
        int space = s.indexOf(' ');
        for (int i = s.length() - 1; i > space && space >= 0; i--) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }
}
