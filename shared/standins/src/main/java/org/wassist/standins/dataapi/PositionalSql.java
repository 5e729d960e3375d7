package org.wassist.standins.dataapi;

import java.util.ArrayList;
import java.util.List;

/**
 * The Data API's {@code :name} parameters rewritten to JDBC's {@code ?}. Casts ({@code ::type}), string literals
 * ({@code '…'}, {@code E'…'}), quoted identifiers, dollar-quoted strings and comments are copied unchanged.
 */
record PositionalSql(String sql, List<String> names) {
    PositionalSql {
        names = List.copyOf(names);
    }

    static PositionalSql of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int end = skip(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("::", i)) {
                out.append("::");
                i += 2;
            } else if (sql.charAt(i) == ':' && i + 1 < sql.length() && identStart(sql.charAt(i + 1))) {
                int e = i + 1;
                while (e < sql.length() && identPart(sql.charAt(e))) {
                    e++;
                }
                names.add(sql.substring(i + 1, e));
                out.append('?');
                i = e;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        return new PositionalSql(out.toString(), names);
    }

    private static int skip(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'') {
            boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
            return closing(sql, i + 1, '\'', escapes);
        }
        if (c == '"') {
            return closing(sql, i + 1, '"', false);
        }
        if (sql.startsWith("--", i)) {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? sql.length() : nl + 1;
        }
        if (sql.startsWith("/*", i)) {
            return blockComment(sql, i);
        }
        if (c == '$') {
            return dollarQuoted(sql, i);
        }
        return i;
    }

    private static int closing(String sql, int from, char quote, boolean escapes) {
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    private static int blockComment(String sql, int from) {
        int depth = 0;
        for (int i = from; i < sql.length() - 1; i++) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i++;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    private static int dollarQuoted(String sql, int from) {
        if (from > 0 && identPart(sql.charAt(from - 1))) {
            return from;
        }
        int e = from + 1;
        if (e < sql.length() && Character.isDigit(sql.charAt(e))) {
            return from;
        }
        while (e < sql.length() && identPart(sql.charAt(e))) {
            e++;
        }
        if (e >= sql.length() || sql.charAt(e) != '$') {
            return from;
        }
        String tag = sql.substring(from, e + 1);
        int close = sql.indexOf(tag, e + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
