package org.wassist.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wassist.aws.rdsdata.DataApiSettings;
import org.wassist.aws.rdsdata.DataApiSqlClient;
import org.wassist.sql.migration.Migrations;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Builds the migrator from the environment: {@code AWS_REGION} (set by Lambda), {@code DB_CLUSTER_ARN},
 * {@code DB_SECRET_ARN}, {@code DB_NAME} (set by the stack). Credentials come from the SDK's default chain; the SDK
 * also honours {@code AWS_ENDPOINT_URL_RDS_DATA}, which points it at a local Data API stand-in.
 */
public final class MigratorWiring {
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
        RdsDataClient client = RdsDataClient.builder()
                .httpClient(Apache5HttpClient.builder().build())
                .region(Region.of(region))
                .build();
        return new MigratorWiring(client, new DataApiSettings(cluster, secret, database));
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
