package org.wassist.sql;

import org.jspecify.annotations.Nullable;

/**
 * A statement the database refused for a reason retrying cannot fix (a bug, a schema mismatch, a constraint). The
 * message names the statement and the SQLState, never a parameter value.
 */
public final class SqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final @Nullable String sqlState;

    public SqlException(String message, @Nullable String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    public SqlException(String message, @Nullable String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The five-character SQLState, when the database reported one. */
    public @Nullable String sqlState() {
        return sqlState;
    }
}
