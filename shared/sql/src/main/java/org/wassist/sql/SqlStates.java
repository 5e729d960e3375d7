package org.wassist.sql;

import org.jspecify.annotations.Nullable;

/** Which SQLStates are worth retrying, and a short label for a statement in error messages. */
public final class SqlStates {
    private static final int LABEL_LENGTH = 60;

    private SqlStates() {}

    /**
     * Connection problems (class 08), serialization failures and deadlocks (40001, 40P01), insufficient resources
     * (class 53), an administrator or crash shutdown (57P01–57P03) and a cancelled statement (57014, a timeout).
     */
    public static boolean isTransient(@Nullable String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return sqlState.startsWith("08")
                || sqlState.startsWith("53")
                || sqlState.equals("40001")
                || sqlState.equals("40P01")
                || sqlState.equals("57014")
                || sqlState.equals("57P01")
                || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }

    /**
     * The start of a statement, whitespace collapsed, to say which statement failed. Statements bind every value as a
     * parameter, so their text holds no user data.
     */
    public static String label(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= LABEL_LENGTH ? flat : flat.substring(0, LABEL_LENGTH) + "…";
    }
}
