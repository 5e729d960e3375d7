package org.wassist.sql;

/** The parameter types the port binds; each adapter maps them to its own wire types. */
public enum SqlType {
    TEXT,
    BIGINT,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    NUMERIC,
    TIMESTAMPTZ,
    JSONB,
    /** A pgvector value, bound as its text form; the SQL casts it with {@code ::vector}. */
    VECTOR
}
