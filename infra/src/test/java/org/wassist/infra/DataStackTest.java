package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.infra.config.MigrationsHash;
import org.wassist.infra.constructs.MigrationStep;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {
    private final Template data = TestApps.defaults().template("Data");

    private Map<String, Object> props(String type, String idPrefix) {
        return Templates.props(Templates.only(data, type, idPrefix).getValue());
    }

    @Test
    void idempotencyTableIsOnDemandWithPkTtlPointInTimeRecoveryAndEncryption() {
        Map<String, Object> table = props("AWS::DynamoDB::Table", "IdempotencyTable");
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST");
        assertThat(Templates.json(table.get("KeySchema")))
                .isEqualTo("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]");
        assertThat(Templates.json(table.get("AttributeDefinitions")))
                .isEqualTo("[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]");
        assertThat(Templates.json(table.get("TimeToLiveSpecification")))
                .isEqualTo("{\"AttributeName\":\"expiresAt\",\"Enabled\":true}");
        assertThat(Templates.json(table.get("PointInTimeRecoverySpecification")))
                .isEqualTo("{\"PointInTimeRecoveryEnabled\":true}");
        assertThat(Templates.json(table.get("SSESpecification"))).isEqualTo("{\"SSEEnabled\":true}");
    }

    @Test
    void mediaBucketIsEncryptedPrivateAndHasNoAcls() {
        Map<String, Object> bucket = props("AWS::S3::Bucket", "MediaBucket");
        assertThat(Templates.json(bucket.get("BucketEncryption"))).contains("\"SSEAlgorithm\":\"AES256\"");
        assertThat(Templates.json(bucket.get("PublicAccessBlockConfiguration")))
                .isEqualTo("{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,"
                        + "\"RestrictPublicBuckets\":true}");
        assertThat(Templates.json(bucket.get("OwnershipControls"))).contains("BucketOwnerEnforced");
        assertThat(bucket).doesNotContainKeys("AccessControl", "VersioningConfiguration");
    }

    @Test
    void mediaBucketPolicyDeniesEverythingWithoutTls12() {
        data.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                List.of(
                                        Match.objectLike(Map.of(
                                                "Effect", "Deny",
                                                "Action", "s3:*",
                                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                                        Match.objectLike(Map.of(
                                                "Effect", "Deny",
                                                "Action", "s3:*",
                                                "Condition",
                                                        Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2))))))));
    }

    @Test
    void mediaExpiresUnderInboundAndOutboundAndIncompleteUploadsAreAborted() {
        String rules = Templates.json(props("AWS::S3::Bucket", "MediaBucket").get("LifecycleConfiguration"));
        assertThat(rules)
                .contains("{\"ExpirationInDays\":7,\"Id\":\"expire-inbound-media\",\"Prefix\":\"inbound/\","
                        + "\"Status\":\"Enabled\"}")
                .contains("{\"ExpirationInDays\":7,\"Id\":\"expire-outbound-media\",\"Prefix\":\"outbound/\","
                        + "\"Status\":\"Enabled\"}")
                .contains("\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":1}");
        Template longer = TestApps.synth(Map.of("mediaExpiryDays", 30)).template("Data");
        assertThat(Templates.json(longer.toJSON())).contains("\"ExpirationInDays\":30");
    }

    @Test
    void appSecretGeneratesThePseudonymKeyAndLeavesTheApiKeysAndQrTokenEmpty() {
        Map<String, Object> secret = props("AWS::SecretsManager::Secret", "AppSecret");
        assertThat(Templates.json(secret.get("GenerateSecretString")))
                .contains("\"GenerateStringKey\":\"LOG_PSEUDONYM_KEY\"")
                .contains("\"PasswordLength\":48")
                .contains(
                        "\"SecretStringTemplate\":\"{\\\"OPENAI_API_KEYS\\\":\\\"\\\",\\\"QR_PAGE_TOKEN\\\":\\\"\\\"}\"");
        assertThat(secret).doesNotContainKey("SecretString");
    }

    @Test
    void auroraIsPostgres16ServerlessV2ThatPausesAtZeroWithDataApiAndEncryption() {
        Map<String, Object> cluster = props("AWS::RDS::DBCluster", "DatabaseCluster");
        assertThat(cluster)
                .containsEntry("Engine", "aurora-postgresql")
                .containsEntry("EngineVersion", "16.13")
                .containsEntry("EnableHttpEndpoint", true)
                .containsEntry("StorageEncrypted", true)
                .containsEntry("StorageType", "aurora")
                .containsEntry("DatabaseName", "wassist")
                .containsEntry("BackupRetentionPeriod", 7);
        assertThat(Templates.json(cluster.get("ServerlessV2ScalingConfiguration")))
                .isEqualTo("{\"MaxCapacity\":2,\"MinCapacity\":0,\"SecondsUntilAutoPause\":300}");
        assertThat(props("AWS::RDS::DBInstance", "DatabaseClusterWriter"))
                .containsEntry("DBInstanceClass", "db.serverless")
                .containsEntry("PubliclyAccessible", false);
    }

    @Test
    void auroraHasExactlyOneInstanceTheWriter() {
        data.resourceCountIs("AWS::RDS::DBInstance", 1);
        Map<String, Object> writer = props("AWS::RDS::DBInstance", "DatabaseClusterWriter");
        assertThat(Templates.json(writer.get("DBClusterIdentifier"))).contains("DatabaseCluster");
    }

    @Test
    void auroraCapacityIsConfigurable() {
        Template t = TestApps.synth(Map.of("dbMaxCapacity", "4", "dbAutoPauseMinutes", "15"))
                .template("Data");
        assertThat(Templates.json(t.toJSON()))
                .contains("{\"MaxCapacity\":4,\"MinCapacity\":0,\"SecondsUntilAutoPause\":900}");
    }

    @Test
    void auroraCredentialsAreGeneratedInSecretsManager() {
        Map<String, Object> cluster = props("AWS::RDS::DBCluster", "DatabaseCluster");
        assertThat(cluster).containsEntry("MasterUsername", "wassist_admin");
        assertThat(Templates.json(cluster.get("MasterUserPassword")))
                .contains("{{resolve:secretsmanager:")
                .contains("DatabaseClusterSecret");
        assertThat(Templates.json(props("AWS::SecretsManager::Secret", "WAssistDataDatabaseClusterSecret")
                        .get("GenerateSecretString")))
                .contains("\"GenerateStringKey\":\"password\"");
    }

    @Test
    void auroraLivesInTheIsolatedSubnetsWithoutIngress() {
        assertThat(Templates.json(props("AWS::RDS::DBSubnetGroup", "DatabaseClusterSubnets")))
                .contains("isolatedSubnet1")
                .contains("isolatedSubnet2")
                .doesNotContain("publicSubnet");
        assertThat(props("AWS::EC2::SecurityGroup", "DatabaseClusterSecurityGroup"))
                .doesNotContainKey("SecurityGroupIngress");
        data.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    @Test
    void databaseIsSnapshottedAndProtectedByDefault() {
        Map<String, Object> cluster =
                Templates.only(data, "AWS::RDS::DBCluster", "DatabaseCluster").getValue();
        assertThat(cluster)
                .containsEntry("DeletionPolicy", "Snapshot")
                .containsEntry("UpdateReplacePolicy", "Snapshot");
        assertThat(Templates.props(cluster)).containsEntry("DeletionProtection", true);
        assertThat(Templates.only(data, "AWS::SecretsManager::Secret", "WAssistDataDatabaseClusterSecret")
                        .getValue())
                .containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void migrationsRunThroughACustomResourceWhoseProviderInvokesTheMigrator() {
        Map.Entry<String, Map<String, Object>> migrator =
                Templates.only(data, "AWS::Lambda::Function", "MigrationsMigrator");
        assertThat(Templates.props(migrator.getValue()))
                .containsEntry("Handler", MigrationStep.HANDLER)
                .containsEntry("Runtime", "java21")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("MemorySize", 1024)
                .containsEntry("Timeout", 600)
                .doesNotContainKey("VpcConfig");
        assertThat(Templates.json(Templates.props(migrator.getValue()).get("Environment")))
                .contains("DB_CLUSTER_ARN", "DB_SECRET_ARN", "\"DB_NAME\":\"wassist\"");
        Map.Entry<String, Map<String, Object>> framework =
                Templates.only(data, "AWS::Lambda::Function", "MigrationsProviderframeworkonEvent");
        assertThat(Templates.json(Templates.props(framework.getValue()).get("Environment")))
                .contains("\"USER_ON_EVENT_FUNCTION_ARN\":{\"Fn::GetAtt\":[\"" + migrator.getKey() + "\",\"Arn\"]}");
        Map<String, Object> migration = Templates.only(data, MigrationStep.RESOURCE_TYPE, "MigrationsMigration")
                .getValue();
        assertThat(Templates.json(Templates.props(migration).get("ServiceToken")))
                .isEqualTo("{\"Fn::GetAtt\":[\"" + framework.getKey() + "\",\"Arn\"]}");
        assertThat(Templates.list(migration.get("DependsOn")))
                .contains(Templates.only(data, "AWS::RDS::DBInstance", "DatabaseClusterWriter")
                        .getKey());
    }

    @Test
    void migrationResourceCarriesTheHashOfTheMigrationFiles() {
        Map<String, Object> migration =
                Templates.props(Templates.only(data, MigrationStep.RESOURCE_TYPE, "MigrationsMigration")
                        .getValue());
        assertThat(migration)
                .containsEntry(
                        "MigrationsHash", MigrationsHash.of(TestApps.fixtures().migrationsDir()))
                .containsEntry("Database", "wassist");
    }

    @Test
    void migrationProviderMayOnlyInvokeTheMigratorAndWriteItsLogs() {
        // GetFunction: the provider framework checks that the handler is active before invoking it.
        List<Templates.Permission> permissions = Templates.permissions(data, "MigrationsProviderRole");
        assertThat(permissions)
                .extracting(Templates.Permission::action)
                .containsOnly(
                        "logs:CreateLogStream", "logs:PutLogEvents", "lambda:InvokeFunction", "lambda:GetFunction");
        assertThat(permissions)
                .filteredOn(p -> p.action().startsWith("logs:"))
                .allSatisfy(p -> assertThat(p.resource()).contains("MigrationsProviderLogs"));
        assertThat(permissions)
                .filteredOn(p -> p.action().startsWith("lambda:"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.resource()).contains("MigrationsMigrator"));
    }

    @Test
    void migratorMayUseTheDataApiAndTheDbSecretOnly() {
        List<Templates.Permission> permissions = Templates.permissions(data, "MigrationsMigratorRole");
        assertThat(permissions)
                .extracting(Templates.Permission::action)
                .containsExactlyInAnyOrder(
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "rds-data:BeginTransaction",
                        "rds-data:CommitTransaction",
                        "rds-data:ExecuteStatement",
                        "rds-data:RollbackTransaction",
                        "secretsmanager:GetSecretValue");
        assertThat(permissions)
                .filteredOn(p -> p.action().startsWith("rds-data:"))
                .allSatisfy(p -> assertThat(p.resource()).contains(":cluster:").contains("DatabaseCluster"));
        assertThat(permissions)
                .filteredOn(p -> p.action().startsWith("secretsmanager:"))
                .allSatisfy(p -> assertThat(p.resource()).contains("DatabaseClusterSecretAttachment"));
    }
}
