package org.wassist.aws.rdsdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.sql.SqlRow;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;

/** Data API records (with result metadata) as rows keyed by column label; {@link SqlRow} converts the values. */
final class DataApiRows {
    private DataApiRows() {}

    static List<SqlRow> of(ExecuteStatementResponse response) {
        if (!response.hasRecords()) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        for (ColumnMetadata c : response.columnMetadata()) {
            labels.add(c.label() != null ? c.label() : c.name());
        }
        List<SqlRow> rows = new ArrayList<>(response.records().size());
        for (List<Field> record : response.records()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                String label = i < labels.size() ? labels.get(i) : "column" + (i + 1);
                if (!row.containsKey(label)) {
                    row.put(label, value(record.get(i)));
                }
            }
            rows.add(new SqlRow(row));
        }
        return rows;
    }

    private static @Nullable Object value(Field f) {
        return switch (f.type()) {
            case IS_NULL -> null;
            case STRING_VALUE -> f.stringValue();
            case LONG_VALUE -> f.longValue();
            case DOUBLE_VALUE -> f.doubleValue();
            case BOOLEAN_VALUE -> f.booleanValue();
            case BLOB_VALUE -> f.blobValue().asByteArray();
            case ARRAY_VALUE -> f.arrayValue().toString();
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("a Data API field of an unknown type");
        };
    }
}
