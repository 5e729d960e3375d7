package org.wassist.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.wassist.sql.SqlParams;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;

/** Flyway 13 on JDK 25: migrates, and prints nothing to stdout or stderr itself; its log lines go through SLF4J. */
class FlywayMigrationsIT {
    @Test
    void migratesQuietlyAndLogsThroughSlf4j() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        String version;
        try (TestDatabase db = TestDatabases.create();
                JdbcSqlClient sql = JdbcSqlClient.connect(JdbcSettings.of(db.jdbcUrl()))) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                version = FlywayMigrations.migrate(sql.dataSource());
                FlywayMigrations.validate(sql.dataSource());
                assertThat(FlywayMigrations.migrate(sql.dataSource())).isEqualTo(version);
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            assertThat(sql.query(
                                    "SELECT count(*) AS n FROM pg_tables WHERE tablename = :t",
                                    SqlParams.none().text("t", "conversation_turn"))
                            .getFirst()
                            .bigint("n"))
                    .isEqualTo(1);
        }
        assertThat(version).isEqualTo("1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("Flyway logs through SLF4J, which is bound to the project's JSON logging")
                .startsWith("org.apache.logging.slf4j");
    }
}
