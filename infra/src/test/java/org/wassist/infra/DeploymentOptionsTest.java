package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The removal-policy choice and the LocalStack profile. */
class DeploymentOptionsTest {
    @Test
    void destroyDeletesEverythingIncludingBucketObjectsAndUnprotectsTheDatabase() {
        TestApps.Synth destroy = TestApps.synth(Map.of("removalPolicy", "destroy"));
        for (Template t : destroy.templates().values()) {
            assertThat(Templates.map(t.toJSON().get("Resources")).values())
                    .allSatisfy(r -> assertThat(Templates.map(r)).containsEntry("DeletionPolicy", "Delete"));
        }
        Template data = destroy.template("Data");
        assertThat(Templates.props(Templates.only(data, "AWS::RDS::DBCluster", "DatabaseCluster")
                        .getValue()))
                .containsEntry("DeletionProtection", false);
        assertThat(Templates.resources(data, "Custom::S3AutoDeleteObjects")).hasSize(1);
        Map<String, Object> emptier =
                Templates.props(Templates.only(data, "AWS::Lambda::Function", "CustomS3AutoDeleteObjects")
                        .getValue());
        String group = String.valueOf(
                Templates.map(Templates.map(emptier.get("LoggingConfig")).get("LogGroup"))
                        .get("Ref"));
        assertThat(Templates.props(
                        Templates.resources(data, "AWS::Logs::LogGroup").getOrDefault(group, Map.of())))
                .as("the bucket emptier logs to a group with retention")
                .containsEntry("RetentionInDays", 14);
        assertThat(Templates.resources(TestApps.defaults().template("Data"), "Custom::S3AutoDeleteObjects"))
                .isEmpty();
    }

    @Test
    void retainKeepsEvenTheQueues() {
        Template messaging = TestApps.synth(Map.of("removalPolicy", "retain")).template("Messaging");
        assertThat(Templates.resources(messaging, "AWS::SQS::Queue").values())
                .allSatisfy(q -> assertThat(q).containsEntry("DeletionPolicy", "Retain"));
        Template data = TestApps.synth(Map.of("removalPolicy", "retain")).template("Data");
        assertThat(Templates.only(data, "AWS::RDS::DBCluster", "DatabaseCluster")
                        .getValue())
                .containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void snapshotDefaultKeepsDataAndDeletesWhatADeployRecreates() {
        TestApps.Synth synth = TestApps.defaults();
        assertThat(Templates.only(synth.template("Data"), "AWS::DynamoDB::Table", "IdempotencyTable")
                        .getValue())
                .containsEntry("DeletionPolicy", "Retain");
        assertThat(Templates.only(synth.template("Data"), "AWS::S3::Bucket", "MediaBucket")
                        .getValue())
                .containsEntry("DeletionPolicy", "Retain");
        assertThat(Templates.only(synth.template("Messaging"), "AWS::SQS::Queue", "InboundQueue")
                        .getValue())
                .containsEntry("DeletionPolicy", "Delete");
    }

    @Test
    void localstackDeploysOnlyMessagingStorageAndTheRouter() {
        TestApps.Synth local = TestApps.synth(Map.of("deployment", "localstack", "routerArchitecture", "x86_64"));
        assertThat(local.templates().keySet())
                .containsExactlyInAnyOrder("WAssist-Data", "WAssist-Messaging", "WAssist-Functions");
        Template data = local.template("Data");
        data.resourceCountIs("AWS::RDS::DBCluster", 0);
        data.resourceCountIs("AWS::Lambda::Function", 0);
        data.resourceCountIs("AWS::DynamoDB::Table", 1);
        data.resourceCountIs("AWS::S3::Bucket", 1);
        Map<String, Object> router =
                Templates.props(Templates.only(local.template("Functions"), "AWS::Lambda::Function", "Router")
                        .getValue());
        assertThat(router).doesNotContainKey("SnapStart").containsEntry("Architectures", java.util.List.of("x86_64"));
        assertThat(Templates.json(router.get("Environment"))).contains("wassist-local");
    }
}
