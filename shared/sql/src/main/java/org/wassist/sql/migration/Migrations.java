package org.wassist.sql.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.sql.SqlClient;

/**
 * Applies the migrations in {@code db/migration} through the SQL port, in version order, and records each in
 * {@code flyway_schema_history} exactly as Flyway would; used at deploy time through the Data API, where Flyway
 * (JDBC) cannot reach the database. Real Flyway and this runner can take turns on one database: each sees the
 * other's work as applied.
 *
 * <p>Each migration runs as one transaction under Flyway's advisory lock: its statements one by one, then its history
 * row. A migration made only of statements PostgreSQL refuses to run in a transaction (for example
 * {@code CREATE INDEX CONCURRENTLY}) runs statement by statement without one and is recorded afterwards; mixing both
 * kinds in one script is refused, as Flyway refuses it.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final SqlClient sql;
    private final List<MigrationScript> scripts;

    /** What a run did: the versions it applied, oldest first, and the schema version afterwards. */
    public record Result(List<String> applied, @Nullable String schemaVersion) {
        public Result {
            applied = List.copyOf(applied);
        }
    }

    /** Over the migrations bundled on the classpath. */
    public Migrations(SqlClient sql) {
        this(sql, BundledMigrations.load());
    }

    Migrations(SqlClient sql, List<MigrationScript> scripts) {
        this.sql = sql;
        this.scripts = BundledMigrations.ordered(scripts);
    }

    public Result migrate() {
        SchemaHistory.ensure(sql);
        new HistoryCheck(SchemaHistory.read(sql)).validate(scripts);
        List<String> applied = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (apply(script)) {
                applied.add(script.version().text());
            }
        }
        String version = schemaVersion();
        LOG.info("schema at version {}; applied {} migration(s)", version, applied.size());
        return new Result(applied, version);
    }

    /** The newest applied version, or null when nothing was ever applied. */
    public @Nullable String schemaVersion() {
        if (!SchemaHistory.exists(sql)) {
            return null;
        }
        MigrationVersion v = new HistoryCheck(SchemaHistory.read(sql)).current();
        return v == null ? null : v.text();
    }

    private boolean apply(MigrationScript script) {
        return switch (Transactionality.of(script)) {
            case TRANSACTIONAL -> applyInTransaction(script);
            case NON_TRANSACTIONAL -> applyWithoutTransaction(script);
        };
    }

    private boolean applyInTransaction(MigrationScript script) {
        return sql.inTransaction(tx -> {
            SchemaHistory.lock(tx);
            HistoryCheck history = new HistoryCheck(SchemaHistory.read(tx));
            if (history.isApplied(script)) {
                return false;
            }
            history.validate(scripts);
            long start = System.nanoTime();
            for (String statement : script.statements()) {
                tx.update(statement);
            }
            record(tx, script, start);
            return true;
        });
    }

    private boolean applyWithoutTransaction(MigrationScript script) {
        if (new HistoryCheck(SchemaHistory.read(sql)).isApplied(script)) {
            return false;
        }
        long start = System.nanoTime();
        for (String statement : script.statements()) {
            sql.update(statement);
        }
        return sql.inTransaction(tx -> {
            SchemaHistory.lock(tx);
            if (new HistoryCheck(SchemaHistory.read(tx)).isApplied(script)) {
                return false;
            }
            record(tx, script, start);
            return true;
        });
    }

    private static void record(SqlClient tx, MigrationScript script, long startNanos) {
        int millis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        SchemaHistory.record(tx, script, millis);
        LOG.info("applied migration {} ({}) in {} ms", script.version(), script.scriptName(), millis);
    }
}
