package org.wassist.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.sql.NamedSql;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;
import org.wassist.sql.SqlType;
import org.wassist.sql.SqlValue;

/** Runs one statement on a connection: {@code :name} to {@code ?}, typed binding, rows by column label. */
final class JdbcStatements {
    private JdbcStatements() {}

    static List<SqlRow> query(Connection c, String sql, SqlParams params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<SqlRow> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, @Nullable Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!row.containsKey(md.getColumnLabel(i))) {
                        row.put(md.getColumnLabel(i), read(rs, md, i));
                    }
                }
                rows.add(new SqlRow(row));
            }
            return rows;
        }
    }

    /** Rows changed; a statement that returns rows anyway counts as 0, as its rows are not read. */
    static long update(Connection c, String sql, SqlParams params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.execute() ? 0 : Math.max(0, ps.getLargeUpdateCount());
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, SqlParams params) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        PreparedStatement ps = c.prepareStatement(named.positional());
        try {
            for (int i = 0; i < named.names().size(); i++) {
                String name = named.names().get(i);
                SqlValue value = params.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for parameter :" + name);
                }
                bind(ps, i + 1, value);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int i, SqlValue value) throws SQLException {
        switch (value) {
            case SqlValue.Text t -> ps.setString(i, t.value());
            case SqlValue.BigInt b -> ps.setLong(i, b.value());
            case SqlValue.Int n -> ps.setInt(i, n.value());
            case SqlValue.Float8 d -> ps.setDouble(i, d.value());
            case SqlValue.Bool b -> ps.setBoolean(i, b.value());
            case SqlValue.Numeric n -> ps.setBigDecimal(i, n.value());
            case SqlValue.Timestamp t -> ps.setObject(i, OffsetDateTime.ofInstant(t.value(), ZoneOffset.UTC));
            case SqlValue.Json j -> ps.setObject(i, j.value(), Types.OTHER);
            case SqlValue.Vector v -> ps.setObject(i, v.literal(), Types.OTHER);
            case SqlValue.Null n -> ps.setNull(i, jdbcType(n.type()));
        }
    }

    private static int jdbcType(SqlType type) {
        return switch (type) {
            case TEXT -> Types.VARCHAR;
            case BIGINT -> Types.BIGINT;
            case INTEGER -> Types.INTEGER;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case NUMERIC -> Types.NUMERIC;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case JSONB, VECTOR -> Types.OTHER;
        };
    }

    private static @Nullable Object read(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        if (rs.getObject(i) == null) {
            return null;
        }
        return switch (md.getColumnType(i)) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(i);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                md.getColumnTypeName(i).equals("timestamptz")
                        ? rs.getObject(i, OffsetDateTime.class).toInstant()
                        : rs.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            default -> rs.getString(i);
        };
    }
}
