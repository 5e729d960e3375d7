package org.wassist.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Named, typed statement parameters; immutable, each method returns a new instance. A null reference binds SQL NULL
 * of that type. {@link #toString()} shows names and types only: parameter values must never reach logs.
 */
public final class SqlParams {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final SqlParams NONE = new SqlParams(Map.of());

    private final Map<String, SqlValue> values;

    private SqlParams(Map<String, SqlValue> values) {
        this.values = values;
    }

    public static SqlParams none() {
        return NONE;
    }

    public SqlParams text(String name, @Nullable String value) {
        return with(name, value == null ? new SqlValue.Null(SqlType.TEXT) : new SqlValue.Text(value));
    }

    public SqlParams bigint(String name, long value) {
        return with(name, new SqlValue.BigInt(value));
    }

    public SqlParams integer(String name, int value) {
        return with(name, new SqlValue.Int(value));
    }

    public SqlParams float8(String name, double value) {
        return with(name, new SqlValue.Float8(value));
    }

    public SqlParams bool(String name, boolean value) {
        return with(name, new SqlValue.Bool(value));
    }

    public SqlParams numeric(String name, @Nullable BigDecimal value) {
        return with(name, value == null ? new SqlValue.Null(SqlType.NUMERIC) : new SqlValue.Numeric(value));
    }

    public SqlParams timestamptz(String name, @Nullable Instant value) {
        return with(name, value == null ? new SqlValue.Null(SqlType.TIMESTAMPTZ) : new SqlValue.Timestamp(value));
    }

    /** A JSON document given as text; it is not parsed here, the database validates it. */
    public SqlParams jsonb(String name, @Nullable String json) {
        return with(name, json == null ? new SqlValue.Null(SqlType.JSONB) : new SqlValue.Json(json));
    }

    /** A pgvector value; write {@code :name::vector} in the SQL. Components must be finite; at least one. */
    public SqlParams vector(String name, float @Nullable [] components) {
        return with(
                name,
                components == null
                        ? new SqlValue.Null(SqlType.VECTOR)
                        : new SqlValue.Vector(vectorLiteral(components)));
    }

    /** SQL NULL of a type (for the primitive-valued types, which have no null reference). */
    public SqlParams nullOf(String name, SqlType type) {
        return with(name, new SqlValue.Null(type));
    }

    public SqlParams with(String name, SqlValue value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid parameter name: " + name);
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("parameter bound twice: " + name);
        }
        Map<String, SqlValue> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new SqlParams(Collections.unmodifiableMap(copy));
    }

    /** The parameters in the order they were added. */
    public Map<String, SqlValue> asMap() {
        return values;
    }

    public @Nullable SqlValue get(String name) {
        return values.get(name);
    }

    static String vectorLiteral(float[] components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a vector needs at least one component");
        }
        StringBuilder b = new StringBuilder(components.length * 8).append('[');
        for (int i = 0; i < components.length; i++) {
            if (!Float.isFinite(components[i])) {
                throw new IllegalArgumentException("vector component " + i + " is not finite");
            }
            if (i > 0) {
                b.append(',');
            }
            b.append(components[i]);
        }
        return b.append(']').toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SqlParams[");
        values.forEach((name, value) ->
                b.append(b.length() > 10 ? ", " : "").append(name).append(':').append(value.type()));
        return b.append(']').toString();
    }
}
