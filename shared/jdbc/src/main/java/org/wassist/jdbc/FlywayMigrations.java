package org.wassist.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jspecify.annotations.Nullable;

/**
 * Real Flyway over the migrations in {@code db/migration} (shipped by the sql module), for local runs and tests. It
 * logs through SLF4J only. Deployments apply the same files through the Data API with the sql module's
 * {@code Migrations}; the two share {@code flyway_schema_history}.
 */
public final class FlywayMigrations {
    public static final String LOCATION = "classpath:db/migration";

    private FlywayMigrations() {}

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .loggers("slf4j")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
    }

    /** Applies pending migrations; returns the schema version afterwards (null if there are no migrations). */
    public static @Nullable String migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
    }

    /** Fails when an applied migration differs from its script, or a script is missing or out of order. */
    public static void validate(DataSource dataSource) {
        flyway(dataSource).validate();
    }
}
