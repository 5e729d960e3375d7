package org.wassist.sql;

/** Work done inside one transaction, on the client bound to it. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(SqlClient tx);
}
