package org.wassist.infra.constructs;

import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.config.Removal;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DBClusterStorageType;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Aurora PostgreSQL 16 Serverless v2 with the Data API: no connections to manage, and the functions stay outside
 * the VPC. Minimum capacity 0 lets it pause when idle (resuming takes up to 15 s; callers retry on
 * DatabaseResumingException). pgvector ships with Aurora PostgreSQL 16; the migrations enable it. Aurora Standard
 * storage: I/O-Optimized costs more at this size (docs/operations.md, Costs).
 */
public final class AuroraDatabase extends Construct {
    /** The generated master user; its password lives only in the cluster's Secrets Manager secret. */
    public static final String MASTER_USER = "wassist_admin";

    private final DatabaseCluster cluster;
    private final String name;

    public AuroraDatabase(Construct scope, String id, IVpc vpc, InfraConfig.Db db, Removal removal) {
        super(scope, id);
        this.name = db.name();
        this.cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.of(db.engineVersion(), "16"))
                        .build()))
                .writer(ClusterInstance.serverlessV2(
                        "Writer",
                        ServerlessV2ClusterInstanceProps.builder()
                                .autoMinorVersionUpgrade(true)
                                .publiclyAccessible(false)
                                .build()))
                .serverlessV2MinCapacity(db.minCapacity())
                .serverlessV2MaxCapacity(db.maxCapacity())
                .serverlessV2AutoPauseDuration(Duration.minutes(db.autoPauseMinutes()))
                .enableDataApi(true)
                .storageEncrypted(true)
                .storageType(DBClusterStorageType.AURORA)
                .credentials(Credentials.fromGeneratedSecret(MASTER_USER))
                .defaultDatabaseName(db.name())
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .build())
                .backup(BackupProps.builder()
                        .retention(Duration.days(db.backupRetentionDays()))
                        .preferredWindow("03:00-04:00")
                        .build())
                .preferredMaintenanceWindow("Sun:04:30-Sun:05:30")
                .copyTagsToSnapshot(true)
                .deletionProtection(db.deletionProtection())
                .removalPolicy(removal.database())
                .build();
        // Kept with the data: a restored snapshot still needs the master credentials.
        if (cluster.getNode().tryFindChild("Secret") instanceof Resource generated) {
            generated.applyRemovalPolicy(removal.durable());
        } else {
            throw new IllegalStateException("the cluster has no generated secret named Secret");
        }
    }

    public DatabaseCluster cluster() {
        return cluster;
    }

    public String clusterArn() {
        return cluster.getClusterArn();
    }

    /** The master credentials; the Data API signs in with them. */
    public ISecret secret() {
        ISecret secret = cluster.getSecret();
        if (secret == null) {
            throw new IllegalStateException("the cluster was built with generated credentials, so it has a secret");
        }
        return secret;
    }

    public String databaseName() {
        return name;
    }
}
