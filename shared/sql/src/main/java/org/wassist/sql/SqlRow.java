package org.wassist.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One result row, by column label. Adapters store what their wire gives them (JDBC: numbers, instants, text; Data
 * API: numbers, booleans and text for timestamps, numerics, JSON and vectors); the accessors convert, so a repository
 * reads the same values over both. Reading SQL NULL with a typed accessor throws: check {@link #isNull} first for
 * nullable columns. {@link #toString()} shows column names only.
 */
public final class SqlRow {
    private final Map<String, @Nullable Object> values;

    /** @param values column label to value; the first of two equal labels wins */
    public SqlRow(Map<String, ? extends @Nullable Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Set<String> columns() {
        return values.keySet();
    }

    public boolean isNull(String column) {
        return raw(column) == null;
    }

    public String text(String column) {
        return switch (present(column)) {
            case String s -> s;
            case Object o -> throw mismatch(column, o, "text");
        };
    }

    public long bigint(String column) {
        return switch (present(column)) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case String s -> Long.parseLong(s);
            case Object o -> throw mismatch(column, o, "bigint");
        };
    }

    public int integer(String column) {
        return Math.toIntExact(bigint(column));
    }

    public double float8(String column) {
        return switch (present(column)) {
            case Number n -> n.doubleValue();
            case String s -> Double.parseDouble(s);
            case Object o -> throw mismatch(column, o, "double precision");
        };
    }

    public boolean bool(String column) {
        return switch (present(column)) {
            case Boolean b -> b;
            case Object o -> throw mismatch(column, o, "boolean");
        };
    }

    public BigDecimal numeric(String column) {
        return switch (present(column)) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Double d -> BigDecimal.valueOf(d);
            case String s -> new BigDecimal(s);
            case Object o -> throw mismatch(column, o, "numeric");
        };
    }

    public Instant timestamptz(String column) {
        return switch (present(column)) {
            case Instant i -> i;
            case String s -> SqlTimestamps.parse(s);
            case Object o -> throw mismatch(column, o, "timestamptz");
        };
    }

    /** A {@code json}/{@code jsonb} column as text. */
    public String jsonb(String column) {
        return text(column);
    }

    /** A pgvector column. */
    public float[] vector(String column) {
        return SqlVectors.parse(text(column));
    }

    private @Nullable Object raw(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }

    private Object present(String column) {
        Object v = raw(column);
        if (v == null) {
            throw new IllegalStateException("column " + column + " is NULL");
        }
        return v;
    }

    private static IllegalStateException mismatch(String column, Object value, String wanted) {
        return new IllegalStateException(
                "column " + column + " holds a " + value.getClass().getSimpleName() + ", not " + wanted);
    }

    @Override
    public String toString() {
        return "SqlRow" + values.keySet();
    }
}
