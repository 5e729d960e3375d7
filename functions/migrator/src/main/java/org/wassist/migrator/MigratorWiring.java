package org.wassist.migrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wassist.aws.rdsdata.DataApiSettings;
import org.wassist.aws.rdsdata.DataApiSqlClient;
import org.wassist.sql.migration.Migrations;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Builds the migrator from the environment: {@code AWS_REGION} (set by Lambda), {@code DB_CLUSTER_ARN},
 * {@code DB_SECRET_ARN}, {@code DB_NAME} (set by the stack). Credentials come from the SDK's default chain; the SDK
 * also honours {@code AWS_ENDPOINT_URL_RDS_DATA}, which points it at a local Data API stand-in.
 */
public final class MigratorWiring {
    /**
     * One Data API request: the service ends a statement after 45 s, so an attempt (and the socket's wait for its
     * answer) gets a margin above that.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    /** A whole call with the SDK's retries; the migration function's own timeout (10 min, infra MigrationStep) bounds the run. */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Migrations migrations;
    private final String database;

    MigratorWiring(RdsDataClient client, DataApiSettings settings) {
        this.migrations = new Migrations(new DataApiSqlClient(client, settings));
        this.database = settings.database();
    }

    public static MigratorWiring fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static MigratorWiring fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String region = setting(env, "AWS_REGION", missing);
        String cluster = setting(env, "DB_CLUSTER_ARN", missing);
        String secret = setting(env, "DB_SECRET_ARN", missing);
        String database = setting(env, "DB_NAME", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the migrator needs " + String.join(", ", missing)
                    + " (set by the stack; see docs/adr/0004-migrations-flyway-and-data-api.md)");
        }
        return new MigratorWiring(client(region), new DataApiSettings(cluster, secret, database));
    }

    /** The Data API client with every wait bounded: a stalled endpoint fails the deployment instead of hanging it. */
    static RdsDataClient client(String region) {
        return RdsDataClient.builder()
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .build())
                .region(Region.of(region))
                .build();
    }

    private static String setting(Map<String, String> env, String name, List<String> missing) {
        String value = env.getOrDefault(name, "");
        if (value.isBlank()) {
            missing.add(name);
        }
        return value;
    }

    Migrations migrations() {
        return migrations;
    }

    String database() {
        return database;
    }
}
