package org.wassist.infra.constructs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wassist.infra.config.CpuArch;
import org.wassist.infra.config.Removal;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Runs the SQL migrations at deploy time: a custom resource whose provider calls the migrator function (outside the
 * VPC, through the Data API). Its {@code MigrationsHash} property changes whenever a migration file does, so
 * CloudFormation sends an Update and the migrator applies what is new; unchanged migrations cause no call at all.
 */
public final class MigrationStep extends Construct {
    public static final String HANDLER = "org.wassist.migrator.MigratorHandler::handleRequest";
    public static final String RESOURCE_TYPE = "Custom::WassistMigrations";
    /** Time for the migrations, including up to 15 s for a paused cluster to resume. */
    public static final Duration TIMEOUT = Duration.minutes(10);

    private final Function migrator;
    private final CustomResource migration;

    public MigrationStep(
            Construct scope,
            String id,
            AuroraDatabase db,
            Path migratorJar,
            String migrationsHash,
            int logRetentionDays,
            Removal removal) {
        super(scope, id);
        LogGroup logs = Logs.group(this, "MigratorLogs", logRetentionDays, removal.rebuildable());
        Role role = Iam.lambdaRole(this, "MigratorRole", logs);
        role.addToPrincipalPolicy(Iam.dataApi(db.clusterArn()));
        role.addToPrincipalPolicy(Iam.readSecrets(List.of(db.secret().getSecretArn())));
        this.migrator = Function.Builder.create(this, "Migrator")
                .description("WAssist: applies the SQL migrations at deploy time (custom resource handler)")
                .runtime(Runtime.JAVA_21)
                .architecture(CpuArch.ARM64.lambda())
                .handler(HANDLER)
                .code(Code.fromAsset(migratorJar.toString()))
                .memorySize(1024)
                .timeout(TIMEOUT)
                .role(role)
                .logGroup(logs)
                .environment(Map.of(
                        "DB_CLUSTER_ARN", db.clusterArn(),
                        "DB_SECRET_ARN", db.secret().getSecretArn(),
                        "DB_NAME", db.databaseName()))
                .build();
        migrator.applyRemovalPolicy(removal.rebuildable());
        LogGroup providerLogs = Logs.group(this, "ProviderLogs", logRetentionDays, removal.rebuildable());
        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(migrator)
                .frameworkOnEventRole(Iam.lambdaRole(this, "ProviderRole", providerLogs))
                .logGroup(providerLogs)
                .build();
        this.migration = CustomResource.Builder.create(this, "Migration")
                .serviceToken(provider.getServiceToken())
                .resourceType(RESOURCE_TYPE)
                .properties(Map.of("MigrationsHash", migrationsHash, "Database", db.databaseName()))
                .removalPolicy(removal.rebuildable())
                .build();
        migration.getNode().addDependency(db.cluster());
    }

    public Function migrator() {
        return migrator;
    }

    public CustomResource migration() {
        return migration;
    }
}
