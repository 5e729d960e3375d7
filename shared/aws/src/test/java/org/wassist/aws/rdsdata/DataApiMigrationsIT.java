package org.wassist.aws.rdsdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.wassist.jdbc.FlywayMigrations;
import org.wassist.sql.migration.Migrations;

/** The deploy-time path: the runner through the Data API, checked by real Flyway over JDBC, both ways round. */
class DataApiMigrationsIT {
    @Test
    void theRunnerThroughTheDataApiRecordsWhatFlywayValidates() {
        try (DataApiStandIn dataApi = new DataApiStandIn();
                HikariDataSource jdbc = dataSource(dataApi)) {
            Migrations.Result result = new Migrations(dataApi.sql).migrate();
            assertThat(result.applied()).containsExactly("1");
            assertThat(result.schemaVersion()).isEqualTo("1");
            Flyway flyway = FlywayMigrations.flyway(jdbc);
            flyway.validate();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(new Migrations(dataApi.sql).migrate().applied()).isEmpty();
        }
    }

    @Test
    void afterFlywayTheRunnerThroughTheDataApiHasNothingToDo() {
        try (DataApiStandIn dataApi = new DataApiStandIn();
                HikariDataSource jdbc = dataSource(dataApi)) {
            assertThat(FlywayMigrations.migrate(jdbc)).isEqualTo("1");
            Migrations.Result result = new Migrations(dataApi.sql).migrate();
            assertThat(result.applied()).isEmpty();
            assertThat(result.schemaVersion()).isEqualTo("1");
        }
    }

    private static HikariDataSource dataSource(DataApiStandIn dataApi) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(dataApi.db.jdbcUrl());
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
