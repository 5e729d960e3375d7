package org.wassist.sql.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Flyway version: numbers separated by dots or underscores ({@code 1}, {@code 1.2}, {@code 2_1}), compared part by
 * part as numbers, trailing zero parts ignored ({@code 1.0} equals {@code 1}). {@link #text()} is what Flyway writes
 * to the {@code version} column: underscores become dots.
 */
record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {
    private static final Pattern FORMAT = Pattern.compile("\\d+([._]\\d+)*");

    MigrationVersion {
        parts = List.copyOf(parts);
    }

    static MigrationVersion parse(String raw) {
        if (!FORMAT.matcher(raw).matches()) {
            throw new MigrationException("invalid migration version '" + raw + "': use numbers separated by dots");
        }
        String text = raw.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("\\.", -1)) {
            parts.add(new BigInteger(p));
        }
        while (parts.size() > 1 && parts.getLast().signum() == 0) {
            parts.removeLast();
        }
        return new MigrationVersion(text, parts);
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    boolean sameAs(MigrationVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MigrationVersion v && sameAs(v);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "V" + text;
    }
}
