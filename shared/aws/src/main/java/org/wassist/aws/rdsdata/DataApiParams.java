package org.wassist.aws.rdsdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlTimestamps;
import org.wassist.sql.SqlValue;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * The port's typed values as Data API parameters. Timestamps go as UTC text with the TIMESTAMP hint (Aurora sessions
 * run in UTC), numerics with DECIMAL, JSON with JSON; a vector as its text, cast by the SQL.
 */
final class DataApiParams {
    private DataApiParams() {}

    static List<SqlParameter> of(SqlParams params) {
        List<SqlParameter> out = new ArrayList<>(params.asMap().size());
        for (Map.Entry<String, SqlValue> e : params.asMap().entrySet()) {
            out.add(parameter(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static SqlParameter parameter(String name, SqlValue value) {
        SqlParameter.Builder p = SqlParameter.builder().name(name);
        return switch (value) {
            case SqlValue.Text t -> p.value(Field.fromStringValue(t.value())).build();
            case SqlValue.BigInt b -> p.value(Field.fromLongValue(b.value())).build();
            case SqlValue.Int i ->
                p.value(Field.fromLongValue((long) i.value())).build();
            case SqlValue.Float8 d -> p.value(Field.fromDoubleValue(d.value())).build();
            case SqlValue.Bool b -> p.value(Field.fromBooleanValue(b.value())).build();
            case SqlValue.Numeric n -> hinted(p, n.value().toPlainString(), TypeHint.DECIMAL);
            case SqlValue.Timestamp t -> hinted(p, SqlTimestamps.format(t.value()), TypeHint.TIMESTAMP);
            case SqlValue.Json j -> hinted(p, j.value(), TypeHint.JSON);
            case SqlValue.Vector v ->
                p.value(Field.fromStringValue(v.literal())).build();
            case SqlValue.Null n -> p.value(Field.fromIsNull(true)).build();
        };
    }

    private static SqlParameter hinted(SqlParameter.Builder p, String text, TypeHint hint) {
        return p.value(Field.fromStringValue(text)).typeHint(hint).build();
    }
}
