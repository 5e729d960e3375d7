package org.wassist.sql;

/**
 * PostgreSQL lexing just deep enough to find parameters and statement ends: string literals ({@code '…'} with
 * {@code ''}, {@code E'…'} with backslash escapes), quoted identifiers, dollar-quoted strings ({@code $tag$…$tag$}),
 * line comments and nested block comments are skipped as a whole.
 */
final class SqlText {
    private SqlText() {}

    /** If a literal, quoted identifier or comment starts at {@code i}, the index just past it; otherwise {@code i}. */
    static int skip(String sql, int i) {
        char c = sql.charAt(i);
        return switch (c) {
            case '\'' -> endOfQuoted(sql, i + 1, '\'', escapeString(sql, i));
            case '"' -> endOfQuoted(sql, i + 1, '"', false);
            case '-' -> startsWith(sql, i, "--") ? endOfLine(sql, i) : i;
            case '/' -> startsWith(sql, i, "/*") ? endOfBlockComment(sql, i) : i;
            case '$' -> endOfDollarQuoted(sql, i);
            default -> i;
        };
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean escapeString(String sql, int quote) {
        if (quote == 0 || (sql.charAt(quote - 1) != 'E' && sql.charAt(quote - 1) != 'e')) {
            return false;
        }
        return quote == 1 || !isIdentifierPart(sql.charAt(quote - 2));
    }

    private static int endOfQuoted(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int endOfLine(String sql, int from) {
        int nl = sql.indexOf('\n', from);
        return nl < 0 ? sql.length() : nl + 1;
    }

    private static int endOfBlockComment(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            if (startsWith(sql, i, "/*")) {
                depth++;
                i += 2;
            } else if (startsWith(sql, i, "*/")) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $tag$} opens a dollar-quoted string; {@code $1} (a positional parameter) does not. */
    private static int endOfDollarQuoted(String sql, int from) {
        if (from > 0 && isIdentifierPart(sql.charAt(from - 1))) {
            return from;
        }
        int i = from + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return from;
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return from;
        }
        String tag = sql.substring(from, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean startsWith(String sql, int i, String token) {
        return sql.startsWith(token, i);
    }
}
