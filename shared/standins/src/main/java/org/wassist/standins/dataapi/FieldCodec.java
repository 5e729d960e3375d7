package org.wassist.standins.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Data API {@code Field}s to JDBC parameters and JDBC columns to {@code Field}s, the way the Data API maps them for
 * PostgreSQL: integers as {@code longValue}, floating point as {@code doubleValue}, numerics, timestamps (UTC, AWS's
 * format), JSON and anything else as {@code stringValue}, bytea as {@code blobValue}, arrays as {@code arrayValue}.
 */
final class FieldCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldCodec() {}

    static void bind(PreparedStatement ps, int index, JsonNode parameter) throws SQLException {
        JsonNode v = parameter.path("value");
        String hint = parameter.path("typeHint").asText("");
        if (v.path("isNull").asBoolean(false)) {
            ps.setNull(index, Types.NULL);
        } else if (v.has("stringValue")) {
            bindString(ps, index, v.get("stringValue").asText(), hint);
        } else if (v.has("longValue")) {
            ps.setLong(index, v.get("longValue").asLong());
        } else if (v.has("doubleValue")) {
            ps.setDouble(index, v.get("doubleValue").asDouble());
        } else if (v.has("booleanValue")) {
            ps.setBoolean(index, v.get("booleanValue").asBoolean());
        } else if (v.has("blobValue")) {
            ps.setBytes(index, Base64.getDecoder().decode(v.get("blobValue").asText()));
        } else if (v.has("arrayValue")) {
            throw DataApiException.badRequest("Array parameters are not supported.");
        } else {
            throw DataApiException.badRequest(
                    "Parameter " + parameter.path("name").asText() + " has no value");
        }
    }

    private static void bindString(PreparedStatement ps, int index, String s, String hint) throws SQLException {
        try {
            switch (hint) {
                case "" -> ps.setString(index, s);
                case "DATE" -> ps.setObject(index, LocalDate.parse(s));
                case "TIME" -> ps.setObject(index, LocalTime.parse(s));
                case "TIMESTAMP" -> ps.setObject(index, AwsTimestamps.parse(s));
                case "DECIMAL" -> ps.setBigDecimal(index, new BigDecimal(s));
                case "UUID" -> ps.setObject(index, UUID.fromString(s));
                case "JSON" -> ps.setObject(index, json(s));
                default -> throw DataApiException.badRequest("Unknown typeHint " + hint);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw DataApiException.badRequest("Invalid value for typeHint " + hint);
        }
    }

    private static PGobject json(String s) throws SQLException {
        PGobject o = new PGobject();
        o.setType("json");
        o.setValue(s);
        return o;
    }

    static ObjectNode field(ResultSet rs, int column) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        ObjectNode f = JSON.objectNode();
        if (rs.getObject(column) == null) {
            return f.put("isNull", true);
        }
        switch (md.getColumnType(column)) {
            case Types.BIT, Types.BOOLEAN -> f.put("booleanValue", rs.getBoolean(column));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> f.put("longValue", rs.getLong(column));
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> f.put("doubleValue", rs.getDouble(column));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                f.put("blobValue", Base64.getEncoder().encodeToString(rs.getBytes(column)));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> f.put("stringValue", timestamp(rs, column));
            case Types.ARRAY -> f.set("arrayValue", array(rs.getArray(column)));
            default -> f.put("stringValue", rs.getString(column));
        }
        return f;
    }

    private static String timestamp(ResultSet rs, int column) throws SQLException {
        if (rs.getMetaData().getColumnTypeName(column).equals("timestamptz")) {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return AwsTimestamps.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        return AwsTimestamps.format(rs.getObject(column, LocalDateTime.class));
    }

    private static ObjectNode array(Array array) throws SQLException {
        return arrayValue((Object[]) array.getArray());
    }

    private static ObjectNode arrayValue(Object[] items) {
        ObjectNode out = JSON.objectNode();
        String key = arrayKey(items);
        ArrayNode values = out.putArray(key);
        for (Object item : items) {
            switch (item) {
                case null -> values.addNull();
                case Object[] nested -> values.add(arrayValue(nested));
                case Number n when key.equals("longValues") -> values.add(n.longValue());
                case Number n when key.equals("doubleValues") -> values.add(n.doubleValue());
                case Boolean b -> values.add(b);
                default -> values.add(item.toString());
            }
        }
        return out;
    }

    private static String arrayKey(Object[] items) {
        for (Object item : items) {
            if (item instanceof Object[]) {
                return "arrayValues";
            } else if (item instanceof Long || item instanceof Integer || item instanceof Short) {
                return "longValues";
            } else if (item instanceof Double || item instanceof Float) {
                return "doubleValues";
            } else if (item instanceof Boolean) {
                return "booleanValues";
            } else if (item != null) {
                return "stringValues";
            }
        }
        return "stringValues";
    }

    static ObjectNode columnMetadata(ResultSetMetaData md, int column) throws SQLException {
        ObjectNode m = JSON.objectNode();
        m.put("name", md.getColumnName(column));
        m.put("type", md.getColumnType(column));
        m.put("typeName", md.getColumnTypeName(column));
        m.put("label", md.getColumnLabel(column));
        m.put("schemaName", md.getSchemaName(column));
        m.put("tableName", md.getTableName(column));
        m.put("isAutoIncrement", md.isAutoIncrement(column));
        m.put("isSigned", md.isSigned(column));
        m.put("isCurrency", md.isCurrency(column));
        m.put("isCaseSensitive", md.isCaseSensitive(column));
        m.put("nullable", md.isNullable(column));
        m.put("precision", md.getPrecision(column));
        m.put("scale", md.getScale(column));
        m.put("arrayBaseColumnType", 0);
        return m;
    }

    /** A column as a plain JSON value, for {@code formatRecordsAs=JSON}. */
    static JsonNode plain(ObjectNode field) {
        if (field.has("isNull")) {
            return JSON.nullNode();
        }
        return field.elements().next();
    }
}
