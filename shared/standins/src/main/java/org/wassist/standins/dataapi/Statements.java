package org.wassist.standins.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ExecuteStatement and BatchExecuteStatement on one connection. */
final class Statements {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Statements() {}

    static ObjectNode execute(Connection c, JsonNode request) throws SQLException {
        PositionalSql sql = PositionalSql.of(request.path("sql").asText());
        Map<String, JsonNode> params = byName(request.path("parameters"));
        try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
            bindAll(ps, sql, params);
            ObjectNode out = JSON.objectNode();
            if (!ps.execute()) {
                out.put("numberOfRecordsUpdated", Math.max(0, ps.getLargeUpdateCount()));
                return out;
            }
            int rows;
            try (ResultSet rs = ps.getResultSet()) {
                rows = records(rs, request, out);
            }
            out.put("numberOfRecordsUpdated", changesRows(sql.sql()) ? rows : 0);
            return out;
        }
    }

    static ObjectNode batch(Connection c, JsonNode request) throws SQLException {
        PositionalSql sql = PositionalSql.of(request.path("sql").asText());
        ObjectNode out = JSON.objectNode();
        ArrayNode results = out.putArray("updateResults");
        try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
            JsonNode sets = request.path("parameterSets");
            if (!sets.isArray() || sets.isEmpty()) {
                ps.execute();
                return out;
            }
            for (JsonNode set : sets) {
                bindAll(ps, sql, byName(set));
                ps.addBatch();
                results.addObject().putArray("generatedFields");
            }
            ps.executeBatch();
        }
        return out;
    }

    private static int records(ResultSet rs, JsonNode request, ObjectNode out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int columns = md.getColumnCount();
        boolean asJson = request.path("formatRecordsAs").asText("NONE").equals("JSON");
        ArrayNode records = JSON.arrayNode();
        ArrayNode objects = JSON.arrayNode();
        int rows = 0;
        while (rs.next()) {
            rows++;
            ArrayNode record = records.addArray();
            ObjectNode object = objects.addObject();
            for (int i = 1; i <= columns; i++) {
                ObjectNode field = FieldCodec.field(rs, i);
                record.add(field);
                object.set(md.getColumnLabel(i), FieldCodec.plain(field));
            }
        }
        if (asJson) {
            out.put("formattedRecords", objects.toString());
        } else {
            out.set("records", records);
        }
        if (request.path("includeResultMetadata").asBoolean(false)) {
            ArrayNode meta = out.putArray("columnMetadata");
            for (int i = 1; i <= columns; i++) {
                meta.add(FieldCodec.columnMetadata(md, i));
            }
        }
        return rows;
    }

    private static void bindAll(PreparedStatement ps, PositionalSql sql, Map<String, JsonNode> params)
            throws SQLException {
        for (int i = 0; i < sql.names().size(); i++) {
            JsonNode p = params.get(sql.names().get(i));
            if (p == null) {
                throw DataApiException.badRequest(
                        "No value specified for parameter: " + sql.names().get(i));
            }
            FieldCodec.bind(ps, i + 1, p);
        }
    }

    private static Map<String, JsonNode> byName(JsonNode parameters) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode p : parameters) {
            out.put(p.path("name").asText(), p);
        }
        return out;
    }

    /** A write with RETURNING: the Data API reports the rows it changed. */
    private static boolean changesRows(String sql) {
        String s = sql.stripLeading().toUpperCase(Locale.ROOT);
        return s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE");
    }
}
