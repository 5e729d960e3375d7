package org.wassist.sql.migration;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;

/**
 * Flyway's {@code flyway_schema_history} table, read and written exactly as Flyway 13 does on PostgreSQL: same
 * columns, constraint and index names, type {@code SQL}, {@code installed_by = current_user}. The table lives in the
 * {@code public} schema (Flyway's default schema is the first of the search path).
 */
final class SchemaHistory {
    static final String TABLE = "flyway_schema_history";

    /**
     * Flyway's advisory lock for this table: 77431708279161 plus the hash of the quoted table name. Flyway and this
     * runner therefore exclude each other.
     */
    static final long LOCK_KEY = 77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode();

    private static final List<String> CREATE = List.of(
            """
            CREATE TABLE "public"."flyway_schema_history" (
                "installed_rank" INT NOT NULL,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INTEGER,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
                "execution_time" INTEGER NOT NULL,
                "success" BOOLEAN NOT NULL
            )""",
            "ALTER TABLE \"public\".\"flyway_schema_history\" ADD CONSTRAINT \"flyway_schema_history_pk\""
                    + " PRIMARY KEY (\"installed_rank\")",
            "CREATE INDEX \"flyway_schema_history_s_idx\" ON \"public\".\"flyway_schema_history\" (\"success\")");

    private static final String EXISTS =
            "SELECT to_regclass('\"public\".\"flyway_schema_history\"') IS NOT NULL AS found";

    /** {@code pg_advisory_xact_lock} returns void, which the Data API cannot return; count(*) wraps it. */
    private static final String LOCK = "SELECT count(*) AS locked FROM (SELECT pg_advisory_xact_lock(:key)) l";

    private static final String READ = """
            SELECT installed_rank, version, description, type, checksum, success
            FROM "public"."flyway_schema_history"
            ORDER BY installed_rank""";

    private static final String RECORD = """
            INSERT INTO "public"."flyway_schema_history"
                (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
            SELECT coalesce(max(installed_rank), 0) + 1, :version, :description, 'SQL', :script, :checksum,
                   current_user, :executionTime, TRUE
            FROM "public"."flyway_schema_history"
            """;

    /** A row of the history table. Rows without a version (repeatable migrations, markers) are kept but ignored. */
    record Entry(
            int rank,
            @Nullable MigrationVersion version,
            String description,
            String type,
            @Nullable Integer checksum,
            boolean success) {}

    private SchemaHistory() {}

    /** Takes the migration lock for the rest of {@code tx}'s transaction. */
    static void lock(SqlClient tx) {
        tx.query(LOCK, SqlParams.none().bigint("key", LOCK_KEY));
    }

    static boolean exists(SqlClient sql) {
        return sql.query(EXISTS).getFirst().bool("found");
    }

    /** Creates the table if missing, in its own transaction under the lock; returns whether it created it. */
    static boolean ensure(SqlClient sql) {
        return sql.inTransaction(tx -> {
            lock(tx);
            if (exists(tx)) {
                return false;
            }
            CREATE.forEach(tx::update);
            return true;
        });
    }

    static List<Entry> read(SqlClient sql) {
        List<Entry> entries = new ArrayList<>();
        for (SqlRow row : sql.query(READ)) {
            entries.add(new Entry(
                    row.integer("installed_rank"),
                    row.isNull("version") ? null : MigrationVersion.parse(row.text("version")),
                    row.text("description"),
                    row.text("type"),
                    row.isNull("checksum") ? null : row.integer("checksum"),
                    row.bool("success")));
        }
        return entries;
    }

    static void record(SqlClient tx, MigrationScript script, int executionMillis) {
        tx.update(
                RECORD,
                SqlParams.none()
                        .text("version", script.version().text())
                        .text("description", script.description())
                        .text("script", script.scriptName())
                        .integer("checksum", script.checksum())
                        .integer("executionTime", executionMillis));
    }
}
