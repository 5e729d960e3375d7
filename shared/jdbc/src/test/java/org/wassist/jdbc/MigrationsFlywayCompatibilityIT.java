package org.wassist.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wassist.sql.SqlRow;
import org.wassist.sql.migration.Migrations;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;

/**
 * The deploy-time runner and real Flyway take turns on one database: each sees the other's history as applied, and
 * Flyway's own validation accepts what the runner recorded (checksum, description, type).
 */
class MigrationsFlywayCompatibilityIT {
    private TestDatabase db;
    private JdbcSqlClient sql;
    private Flyway flyway;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.create();
        sql = JdbcSqlClient.connect(JdbcSettings.of(db.jdbcUrl()));
        flyway = FlywayMigrations.flyway(sql.dataSource());
    }

    @AfterEach
    void drop() {
        sql.close();
        db.close();
    }

    @Test
    void theRunnerFirstThenFlywayValidatesAndHasNothingToDo() {
        Migrations.Result result = new Migrations(sql).migrate();
        assertThat(result.applied()).containsExactly("1");
        assertThat(result.schemaVersion()).isEqualTo("1");

        flyway.validate();
        MigrateResult flywayRun = flyway.migrate();
        assertThat(flywayRun.migrationsExecuted).isZero();
        MigrationInfo v1 = flyway.info().applied()[0];
        assertThat(v1.getVersion().getVersion()).isEqualTo("1");
        assertThat(history()).hasSize(1);
        SqlRow row = history().getFirst();
        assertThat(row.integer("checksum")).isEqualTo(v1.getChecksum());
        assertThat(row.text("description")).isEqualTo(v1.getDescription());
        assertThat(row.text("script")).isEqualTo(v1.getScript()).isEqualTo("V1__memory.sql");
        assertThat(row.text("type")).isEqualTo("SQL");
        assertThat(row.text("installed_by")).isEqualTo("postgres");
        assertThat(row.bool("success")).isTrue();
        assertThat(row.integer("installed_rank")).isEqualTo(1);
    }

    @Test
    void flywayFirstThenTheRunnerHasNothingToDo() {
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
        List<SqlRow> before = history();

        Migrations.Result result = new Migrations(sql).migrate();
        assertThat(result.applied()).isEmpty();
        assertThat(result.schemaVersion()).isEqualTo("1");
        assertThat(history()).hasSize(1);
        assertThat(history().getFirst().integer("checksum"))
                .isEqualTo(before.getFirst().integer("checksum"));
        flyway.validate();
    }

    @Test
    void theRunnerTwiceAppliesOnce() {
        assertThat(new Migrations(sql).schemaVersion()).isNull();
        assertThat(new Migrations(sql).migrate().applied()).containsExactly("1");
        assertThat(new Migrations(sql).migrate().applied()).isEmpty();
        assertThat(new Migrations(sql).schemaVersion()).isEqualTo("1");
        assertThat(history()).hasSize(1);
        flyway.validate();
    }

    @Test
    void theRunnerCreatesTheHistoryTableExactlyAsFlywayDoes() {
        new Migrations(sql).migrate();
        List<SqlRow> runnerShape = tableShape();
        try (TestDatabase other = TestDatabases.create();
                JdbcSqlClient otherSql = JdbcSqlClient.connect(JdbcSettings.of(other.jdbcUrl()))) {
            FlywayMigrations.migrate(otherSql.dataSource());
            assertThat(describe(runnerShape)).isEqualTo(describe(shapeOf(otherSql)));
        }
    }

    private List<SqlRow> history() {
        return sql.query("SELECT * FROM flyway_schema_history ORDER BY installed_rank");
    }

    private List<SqlRow> tableShape() {
        return shapeOf(sql);
    }

    private static List<SqlRow> shapeOf(JdbcSqlClient client) {
        return client.query("""
                SELECT 'column ' || column_name || ' ' || data_type || ' ' || is_nullable
                       || coalesce(' default ' || column_default, '') AS item, ordinal_position AS pos
                FROM information_schema.columns WHERE table_name = 'flyway_schema_history'
                UNION ALL
                SELECT 'index ' || indexname || ' ' || indexdef, 1000 FROM pg_indexes
                WHERE tablename = 'flyway_schema_history'
                ORDER BY pos, item""");
    }

    private static List<String> describe(List<SqlRow> rows) {
        return rows.stream().map(r -> r.text("item")).toList();
    }
}
