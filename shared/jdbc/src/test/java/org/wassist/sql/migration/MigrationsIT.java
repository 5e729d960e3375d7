package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wassist.jdbc.JdbcSettings;
import org.wassist.jdbc.JdbcSqlClient;
import org.wassist.sql.SqlException;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;

/** The runner's own rules against a real database, with scripts made up for each case. */
class MigrationsIT {
    private static final MigrationScript V1 = MigrationScript.of("V1__first.sql", "CREATE TABLE first (x int);");
    private static final MigrationScript V2 =
            MigrationScript.of("V2__second.sql", "CREATE TABLE second (x int);\nINSERT INTO second VALUES (1);");

    private TestDatabase db;
    private JdbcSqlClient sql;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.create();
        sql = JdbcSqlClient.connect(JdbcSettings.of(db.jdbcUrl()));
    }

    @AfterEach
    void drop() {
        sql.close();
        db.close();
    }

    @Test
    void appliesInVersionOrderAndOnlyWhatIsPending() {
        assertThat(new Migrations(sql, List.of(V2, V1)).migrate().applied()).containsExactly("1", "2");
        MigrationScript v3 = MigrationScript.of("V3__third.sql", "ALTER TABLE second ADD COLUMN y int;");
        Migrations.Result result = new Migrations(sql, List.of(V1, V2, v3)).migrate();
        assertThat(result.applied()).containsExactly("3");
        assertThat(result.schemaVersion()).isEqualTo("3");
        assertThat(versions()).containsExactly("1", "2", "3");
    }

    @Test
    void aFailingMigrationLeavesNoTraceAndStopsTheRun() {
        MigrationScript broken =
                MigrationScript.of("V2__broken.sql", "CREATE TABLE half (x int);\nSELECT * FROM missing_table;");
        MigrationScript after = MigrationScript.of("V3__after.sql", "CREATE TABLE after_broken (x int);");
        assertThatThrownBy(() -> new Migrations(sql, List.of(V1, broken, after)).migrate())
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("42P01");
        assertThat(versions()).containsExactly("1");
        assertThat(tableExists("half")).isFalse();
        assertThat(tableExists("after_broken")).isFalse();
    }

    @Test
    void anAppliedScriptThatWasEditedIsRefused() {
        new Migrations(sql, List.of(V1)).migrate();
        MigrationScript edited = MigrationScript.of("V1__first.sql", "CREATE TABLE first (x bigint);");
        assertThatThrownBy(() -> new Migrations(sql, List.of(edited, V2)).migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__first.sql was changed after it was applied");
        assertThat(tableExists("second")).isFalse();
    }

    @Test
    void aScriptOfConcurrentIndexBuildsRunsOutsideATransaction() {
        MigrationScript concurrently =
                MigrationScript.of("V2__index.sql", "CREATE INDEX CONCURRENTLY first_x_idx ON first (x);");
        assertThat(new Migrations(sql, List.of(V1, concurrently)).migrate().applied())
                .containsExactly("1", "2");
        assertThat(sql.query("SELECT indexname FROM pg_indexes WHERE indexname = 'first_x_idx'"))
                .hasSize(1);
    }

    @Test
    void runnersStartedTogetherApplyEachMigrationOnce() throws Exception {
        int runners = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < runners; i++) {
            tasks.add(() -> {
                start.await();
                return new Migrations(sql, List.of(V1, V2)).migrate().applied();
            });
        }
        List<String> applied = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(runners)) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Callable<List<String>> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<String>> f : futures) {
                applied.addAll(f.get());
            }
        }
        assertThat(applied).containsExactlyInAnyOrder("1", "2");
        assertThat(versions()).containsExactly("1", "2");
        assertThat(sql.query("SELECT x FROM second")).hasSize(1);
    }

    private List<String> versions() {
        return sql.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank").stream()
                .map(r -> r.text("version"))
                .toList();
    }

    private boolean tableExists(String name) {
        return !sql.query("SELECT 1 FROM pg_tables WHERE tablename = '" + name + "'")
                .isEmpty();
    }
}
