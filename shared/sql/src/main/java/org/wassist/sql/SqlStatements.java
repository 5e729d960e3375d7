package org.wassist.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into its statements at top-level semicolons, the way Flyway executes a migration one statement at
 * a time (the Data API runs one statement per call). Semicolons inside literals, dollar-quoted bodies and comments
 * do not split; pieces holding only comments and whitespace are dropped.
 */
public final class SqlStatements {
    private SqlStatements() {}

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            int skipped = SqlText.skip(script, i);
            if (skipped > i) {
                i = skipped;
            } else if (script.charAt(i) == ';') {
                add(statements, script.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script.substring(start));
        return List.copyOf(statements);
    }

    private static void add(List<String> statements, String piece) {
        if (!onlyComments(piece)) {
            statements.add(piece.strip());
        }
    }

    private static boolean onlyComments(String piece) {
        int i = 0;
        while (i < piece.length()) {
            char c = piece.charAt(i);
            int skipped = SqlText.skip(piece, i);
            boolean comment = skipped > i && (c == '-' || c == '/');
            if (comment) {
                i = skipped;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }
}
