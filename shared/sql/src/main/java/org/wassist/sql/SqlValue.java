package org.wassist.sql;

import java.math.BigDecimal;
import java.time.Instant;

/** A typed parameter value. Built through {@link SqlParams}; adapters switch over the variants. */
public sealed interface SqlValue {
    SqlType type();

    record Text(String value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.TEXT;
        }
    }

    record BigInt(long value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.BIGINT;
        }
    }

    record Int(int value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.INTEGER;
        }
    }

    record Float8(double value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.DOUBLE;
        }
    }

    record Bool(boolean value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    record Numeric(BigDecimal value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.NUMERIC;
        }
    }

    /** A point in time, stored in a {@code timestamptz} column (PostgreSQL keeps microseconds). */
    record Timestamp(Instant value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.TIMESTAMPTZ;
        }
    }

    /** A JSON document as text, stored in a {@code jsonb} (or {@code json}) column. */
    record Json(String value) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.JSONB;
        }
    }

    /** A pgvector value in its text form, e.g. {@code [0.5,1,-2]}. */
    record Vector(String literal) implements SqlValue {
        @Override
        public SqlType type() {
            return SqlType.VECTOR;
        }
    }

    record Null(SqlType type) implements SqlValue {}
}
