package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.infra.stacks.FunctionsStack;
import software.amazon.awscdk.assertions.Template;

class FunctionsStackTest {
    private final Template functions = TestApps.defaults().template("Functions");

    private Map<String, Object> router() {
        return Templates.props(
                Templates.only(functions, "AWS::Lambda::Function", "Router").getValue());
    }

    @Test
    void routerRunsJava21OnArmWithDeliberateSize() {
        assertThat(router())
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", FunctionsStack.ROUTER_HANDLER)
                .containsEntry("MemorySize", 1024)
                .containsEntry("Timeout", 120)
                .containsEntry("Architectures", List.of("arm64"));
    }

    @Test
    void routerRunsOutsideTheVpcSoNoNatGatewayIsNeeded() {
        assertThat(router()).doesNotContainKey("VpcConfig");
        assertThat(Templates.permissions(functions, "RouterRole"))
                .noneMatch(p -> p.action().startsWith("ec2:"));
    }

    @Test
    void snapStartAppliesToPublishedVersionsAndTheLiveAliasPointsAtTheCurrentOne() {
        assertThat(Templates.json(router().get("SnapStart"))).isEqualTo("{\"ApplyOn\":\"PublishedVersions\"}");
        String versionId = Templates.only(functions, "AWS::Lambda::Version", "RouterCurrentVersion")
                .getKey();
        Map<String, Object> alias = Templates.props(
                Templates.only(functions, "AWS::Lambda::Alias", "Live").getValue());
        assertThat(alias).containsEntry("Name", "live");
        assertThat(Templates.json(alias.get("FunctionVersion"))).contains(versionId);
    }

    @Test
    void eventSourceMappingIsOnTheAliasAndReportsPartialBatchFailures() {
        Map<String, Object> esm =
                Templates.props(Templates.only(functions, "AWS::Lambda::EventSourceMapping", "LiveInboundQueue")
                        .getValue());
        String aliasId = Templates.only(functions, "AWS::Lambda::Alias", "Live").getKey();
        assertThat(Templates.json(esm.get("FunctionName"))).contains(aliasId).contains(":live");
        assertThat(esm)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("BatchSize", 1);
        assertThat(Templates.json(esm.get("EventSourceArn"))).contains("InboundQueue");
        functions.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    }

    @Test
    void concurrencyIsTheWorkerCountBothReservedAndOnTheEventSource() {
        assertThat(router()).containsEntry("ReservedConcurrentExecutions", 4);
        assertThat(Templates.json(functions.toJSON())).contains("\"ScalingConfig\":{\"MaximumConcurrency\":4}");
        Template eight = TestApps.synth(Map.of("routerWorkers", 8, "routerReserveConcurrency", "false"))
                .template("Functions");
        assertThat(Templates.props(
                        Templates.only(eight, "AWS::Lambda::Function", "Router").getValue()))
                .doesNotContainKey("ReservedConcurrentExecutions");
        assertThat(Templates.json(eight.toJSON())).contains("\"ScalingConfig\":{\"MaximumConcurrency\":8}");
    }

    @Test
    void routerGetsTheDeploymentsNamesAndTheOperatorsSettings() {
        Map<String, Object> vars =
                Templates.map(Templates.map(router().get("Environment")).get("Variables"));
        assertThat(vars)
                .containsKeys(
                        "OUTBOUND_QUEUE_URL", "IDEMPOTENCY_TABLE", "DB_CLUSTER_ARN", "DB_SECRET_ARN", "APP_SECRET_ARN")
                .containsEntry("DB_NAME", "wassist")
                .containsEntry("INBOUND_MAX_RECEIVES", "5")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        Template withSettings = TestApps.synth(
                        Map.of("appSettings", Map.of("PRE_PROMPT", "Be brief.", "MAX_MODEL_TOKENS", 800)))
                .template("Functions");
        Map<String, Object> configured = Templates.map(
                Templates.map(Templates.props(Templates.only(withSettings, "AWS::Lambda::Function", "Router")
                                        .getValue())
                                .get("Environment"))
                        .get("Variables"));
        assertThat(configured).containsEntry("PRE_PROMPT", "Be brief.").containsEntry("MAX_MODEL_TOKENS", "800");
    }

    @Test
    void routerWritesToItsOwnLogGroupWithRetention() {
        String logsId =
                Templates.only(functions, "AWS::Logs::LogGroup", "RouterLogs").getKey();
        assertThat(Templates.json(router().get("LoggingConfig")))
                .isEqualTo("{\"LogGroup\":{\"Ref\":\"" + logsId + "\"}}");
        assertThat(Templates.props(Templates.only(functions, "AWS::Logs::LogGroup", "RouterLogs")
                        .getValue()))
                .containsEntry("RetentionInDays", 14);
    }

    @Test
    void routerPermissionsAreExactlyWhatItNeeds() {
        List<Templates.Permission> permissions = Templates.permissions(functions, "RouterRole");
        List<String[]> expected = List.of(
                new String[] {"logs:CreateLogStream", "RouterLogs"},
                new String[] {"logs:PutLogEvents", "RouterLogs"},
                new String[] {"sqs:ReceiveMessage", "InboundQueue"},
                new String[] {"sqs:DeleteMessage", "InboundQueue"},
                new String[] {"sqs:GetQueueAttributes", "InboundQueue"},
                new String[] {"sqs:SendMessage", "OutboundQueue"},
                new String[] {"dynamodb:GetItem", "IdempotencyTable"},
                new String[] {"dynamodb:PutItem", "IdempotencyTable"},
                new String[] {"dynamodb:DeleteItem", "IdempotencyTable"},
                new String[] {"rds-data:ExecuteStatement", "DatabaseCluster"},
                new String[] {"rds-data:BeginTransaction", "DatabaseCluster"},
                new String[] {"rds-data:CommitTransaction", "DatabaseCluster"},
                new String[] {"rds-data:RollbackTransaction", "DatabaseCluster"},
                new String[] {"secretsmanager:GetSecretValue", "DatabaseClusterSecretAttachment"},
                new String[] {"secretsmanager:GetSecretValue", "AppSecret"});
        assertThat(permissions).hasSize(expected.size());
        for (String[] e : expected) {
            assertThat(permissions)
                    .as("%s on %s", e[0], e[1])
                    .filteredOn(p -> p.matches(e[0], e[1]))
                    .hasSize(1);
        }
        assertThat(permissions).allSatisfy(p -> assertThat(p.resource()).isNotEqualTo("\"*\""));
    }
}
