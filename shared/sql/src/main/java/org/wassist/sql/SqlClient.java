package org.wassist.sql;

import java.util.List;

/**
 * The SQL port repositories are written against. Statements name their parameters ({@code :chat}); values are typed
 * ({@link SqlParams}). A pgvector value is bound as text and cast in the SQL ({@code :embedding::vector}).
 *
 * <p>Failures worth retrying (connection lost, throttling, a database resuming, serialization conflicts) are thrown as
 * {@link org.wassist.pipeline.Failure.Transient}; everything else as {@link SqlException}. No exception message ever
 * contains a parameter value.
 */
public interface SqlClient {
    /** Runs a statement that returns rows (SELECT, or a write with RETURNING). */
    List<SqlRow> query(String sql, SqlParams params);

    /** Runs a statement that returns no rows (INSERT, UPDATE, DELETE, DDL); returns how many rows it changed. */
    long update(String sql, SqlParams params);

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. The client handed
     * to {@code work} must be used for every statement that belongs to the transaction; calling {@code inTransaction}
     * on it joins the same transaction.
     */
    <T> T inTransaction(SqlWork<T> work);

    default List<SqlRow> query(String sql) {
        return query(sql, SqlParams.none());
    }

    default long update(String sql) {
        return update(sql, SqlParams.none());
    }
}
