package org.wassist.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.sql.SqlException;
import org.wassist.sql.SqlStates;

/**
 * SQLExceptions to the port's failures. The server's message is left out (even without its detail line it can quote
 * a value: {@code invalid input syntax for type integer: "…"}); the SQLState, the statement's start and the schema
 * names PostgreSQL reports (table, column, constraint) are kept. Connection errors keep the driver's message, which
 * names only the host.
 */
final class JdbcErrors {
    private JdbcErrors() {}

    static RuntimeException translate(SQLException e, String sql) {
        String state = e.getSQLState();
        boolean connection = state != null && state.startsWith("08");
        String message = "SQL statement failed (SQLState " + state + "): " + SqlStates.label(sql) + schemaNames(e)
                + (connection ? " — " + e.getMessage() : "");
        if (SqlStates.isTransient(state)) {
            return new Failure.Transient(ErrorCode.INTERNAL, message);
        }
        return new SqlException(message, state);
    }

    private static String schemaNames(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        add(names, "table", m.getTable());
        add(names, "column", m.getColumn());
        add(names, "constraint", m.getConstraint());
        add(names, "type", m.getDatatype());
        return names.isEmpty() ? "" : " " + names;
    }

    private static void add(List<String> names, String what, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            names.add(what + "=" + value);
        }
    }
}
