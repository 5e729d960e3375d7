package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Properties every stack must have. */
class WholeAppTest {
    private final TestApps.Synth synth = TestApps.defaults();

    @Test
    void synthesisesTheSixStacksInDependencyOrder() {
        assertThat(synth.templates().keySet())
                .containsExactlyInAnyOrder(
                        "WAssist-Network",
                        "WAssist-Data",
                        "WAssist-Messaging",
                        "WAssist-Functions",
                        "WAssist-Bridge",
                        "WAssist-Observability");
        assertThat(synth.stacks().functions().getDependencies())
                .contains(synth.stacks().messaging());
    }

    @Test
    void cdkReportsNoWarningsAndNoErrors() {
        for (Stack stack : synth.stacks().all()) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.hasNoWarning("*", Match.anyValue());
            annotations.hasNoError("*", Match.anyValue());
        }
    }

    @Test
    void everyLogGroupHasARetentionPeriod() {
        int groups = 0;
        for (Template t : synth.templates().values()) {
            for (Map<String, Object> group :
                    Templates.resources(t, "AWS::Logs::LogGroup").values()) {
                assertThat(Templates.props(group)).containsEntry("RetentionInDays", 14);
                groups++;
            }
        }
        assertThat(groups)
                .as("router, migrator, provider, bridge and the VPC's default-security-group handler")
                .isEqualTo(5);
    }

    @Test
    void everyFunctionWritesToALogGroupOfItsOwnStackWithRetention() {
        int functions = 0;
        for (Template t : synth.templates().values()) {
            Map<String, Map<String, Object>> groups = Templates.resources(t, "AWS::Logs::LogGroup");
            for (Map.Entry<String, Map<String, Object>> f :
                    Templates.resources(t, "AWS::Lambda::Function").entrySet()) {
                Map<String, Object> logging =
                        Templates.map(Templates.props(f.getValue()).get("LoggingConfig"));
                String ref =
                        String.valueOf(Templates.map(logging.get("LogGroup")).get("Ref"));
                assertThat(groups)
                        .as(f.getKey() + " logs to a group in its stack")
                        .containsKey(ref);
                assertThat(Templates.props(groups.getOrDefault(ref, Map.of()))).containsEntry("RetentionInDays", 14);
                functions++;
            }
        }
        assertThat(functions)
                .as("router, migrator, provider, default-security-group handler")
                .isEqualTo(4);
    }

    @Test
    void everyResourceHasAnExplicitRemovalPolicy() {
        for (Template t : synth.templates().values()) {
            Map<String, Object> resources = Templates.map(t.toJSON().get("Resources"));
            assertThat(resources.values())
                    .allSatisfy(r -> assertThat(Templates.map(r)).containsKey("DeletionPolicy"));
        }
    }

    @Test
    void everyTaggableResourceCarriesTheAppTag() {
        Set<String> mustBeTagged = Set.of(
                "AWS::EC2::VPC",
                "AWS::SQS::Queue",
                "AWS::DynamoDB::Table",
                "AWS::S3::Bucket",
                "AWS::SecretsManager::Secret",
                "AWS::RDS::DBCluster",
                "AWS::Lambda::Function",
                "AWS::Logs::LogGroup",
                "AWS::ECS::Service",
                "AWS::ECS::TaskDefinition",
                "AWS::CloudWatch::Alarm",
                "AWS::SNS::Topic");
        int tagged = 0;
        for (Template t : synth.templates().values()) {
            for (Map.Entry<String, Object> e :
                    Templates.map(t.toJSON().get("Resources")).entrySet()) {
                Map<String, Object> r = Templates.map(e.getValue());
                Map<String, Object> props = Templates.props(r);
                Object tags = props.containsKey("Tags")
                        ? props.get("Tags")
                        : props.getOrDefault("FileSystemTags", props.get("AccessPointTags"));
                if (tags == null) {
                    // CDK's singleton custom-resource handlers are raw resources without Tags; the stack tags
                    // (asserted below) reach them at deploy time.
                    if (!e.getKey().startsWith("Custom")) {
                        assertThat(mustBeTagged).as(e.getKey()).doesNotContain(String.valueOf(r.get("Type")));
                    }
                    continue;
                }
                assertThat(Templates.json(tags)).as(e.getKey()).contains("{\"Key\":\"app\",\"Value\":\"wassist\"}");
                tagged++;
            }
        }
        assertThat(tagged).isGreaterThan(40);
        for (Stack stack : synth.stacks().all()) {
            assertThat(stack.getTags().tagValues()).containsEntry("app", "wassist");
        }
    }

    @Test
    void noPolicyAllowsEveryActionOrEveryResourceExceptTheEcrLogin() {
        for (Template t : synth.templates().values()) {
            for (Map<String, Object> s : Templates.allStatements(t)) {
                if (!"Allow".equals(s.get("Effect"))) {
                    continue;
                }
                List<Object> actions = Templates.list(s.get("Action"));
                assertThat(actions)
                        .allSatisfy(a -> assertThat(String.valueOf(a)).doesNotEndWith("*"));
                if (Templates.list(s.get("Resource")).contains("*")) {
                    // ECR's GetAuthorizationToken has no resource type: AWS requires "*" for it.
                    assertThat(actions).containsExactly("ecr:GetAuthorizationToken");
                }
            }
        }
    }

    @Test
    void outputsNameTheQueuesTheAppSecretAndTheBridgeService() {
        assertThat(synth.template("Messaging").findOutputs("*").keySet())
                .contains("InboundQueueUrl", "OutboundQueueUrl");
        assertThat(synth.template("Data").findOutputs("*").keySet())
                .contains("AppSecretName", "AppSecretArn", "MediaBucketName", "DbClusterArn");
        assertThat(synth.template("Bridge").findOutputs("*").keySet())
                .contains("BridgeServiceName", "BridgeClusterName");
        assertThat(synth.template("Observability").findOutputs("*").keySet()).contains("AlarmTopicArn");
    }
}
