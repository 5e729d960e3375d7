package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.infra.config.InfraConfigException;
import org.wassist.infra.config.JsonObjects;
import software.amazon.awscdk.assertions.Template;

class BridgeStackTest {
    private final Template bridge = TestApps.defaults().template("Bridge");

    private Map<String, Object> service() {
        return Templates.props(
                Templates.only(bridge, "AWS::ECS::Service", "Service").getValue());
    }

    private Map<String, Object> container() {
        Map<String, Object> task = Templates.props(Templates.only(bridge, "AWS::ECS::TaskDefinition", "TaskDefinition")
                .getValue());
        List<Object> containers = Templates.list(task.get("ContainerDefinitions"));
        assertThat(containers).hasSize(1);
        return Templates.map(containers.get(0));
    }

    @Test
    void exactlyOneTaskAndDeploymentsNeverRunTwoSessions() {
        assertThat(service()).containsEntry("DesiredCount", 1).containsEntry("AvailabilityZoneRebalancing", "DISABLED");
        assertThat(Templates.json(service().get("DeploymentConfiguration")))
                .isEqualTo("{\"DeploymentCircuitBreaker\":{\"Enable\":true,\"Rollback\":true},"
                        + "\"MaximumPercent\":100,\"MinimumHealthyPercent\":0}");
    }

    @Test
    void taskRunsInThePublicSubnetsWithAPublicIp() {
        String network = Templates.json(service().get("NetworkConfiguration"));
        assertThat(network)
                .contains("\"AssignPublicIp\":\"ENABLED\"")
                .contains("publicSubnet1")
                .contains("publicSubnet2")
                .doesNotContain("isolated");
        assertThat(service()).containsEntry("LaunchType", "FARGATE").containsEntry("PlatformVersion", "LATEST");
    }

    @Test
    void taskIsHalfAVcpuAndOneGbOnArm() {
        Map<String, Object> task = Templates.props(Templates.only(bridge, "AWS::ECS::TaskDefinition", "TaskDefinition")
                .getValue());
        assertThat(task).containsEntry("Cpu", "512").containsEntry("Memory", "1024");
        assertThat(Templates.json(task.get("RuntimePlatform")))
                .isEqualTo("{\"CpuArchitecture\":\"ARM64\",\"OperatingSystemFamily\":\"LINUX\"}");
    }

    @Test
    void spotAndSizeAreConfigurable() {
        Template spot = TestApps.synth(Map.of("bridgeSpot", true, "bridgeCpu", 256, "bridgeMemoryMiB", 1024))
                .template("Bridge");
        Map<String, Object> service = Templates.props(
                Templates.only(spot, "AWS::ECS::Service", "Service").getValue());
        assertThat(Templates.json(service.get("CapacityProviderStrategy")))
                .isEqualTo("[{\"CapacityProvider\":\"FARGATE_SPOT\",\"Weight\":1}]");
        assertThat(service).doesNotContainKey("LaunchType");
        assertThat(Templates.props(Templates.only(spot, "AWS::ECS::TaskDefinition", "TaskDefinition")
                        .getValue()))
                .containsEntry("Cpu", "256");
    }

    @Test
    void containerRunsAsUid10001WithAHealthCheckOnHealthz() {
        Map<String, Object> c = container();
        assertThat(c).containsEntry("User", "10001:10001").containsEntry("Essential", true);
        Map<String, Object> health = Templates.map(c.get("HealthCheck"));
        assertThat(Templates.json(health.get("Command")))
                .contains("/dev/tcp/127.0.0.1/8080")
                .contains("GET /healthz");
        assertThat(health)
                .containsEntry("Interval", 30)
                .containsEntry("Retries", 3)
                .containsEntry("StartPeriod", 180)
                .containsEntry("Timeout", 5);
    }

    @Test
    void containerGetsTheQueuesBucketSecretAndProfileDir() {
        String env = Templates.json(container().get("Environment"));
        assertThat(env)
                .contains("INBOUND_QUEUE_URL", "OUTBOUND_QUEUE_URL", "MEDIA_BUCKET", "APP_SECRET_ARN")
                .contains("{\"Name\":\"AWS_REGION\",\"Value\":\"us-east-1\"}")
                .contains("{\"Name\":\"CHANNEL\",\"Value\":\"whatsapp-web\"}")
                .contains("{\"Name\":\"PORT\",\"Value\":\"8080\"}")
                .contains("{\"Name\":\"PROFILE_DIR\",\"Value\":\"/data/profile\"}")
                .doesNotContain("WHATSAPP_PAIRING_NUMBER");
        Template pairing =
                TestApps.synth(Map.of("whatsappPairingNumber", "15551234567")).template("Bridge");
        assertThat(Templates.json(pairing.toJSON()))
                .contains("{\"Name\":\"WHATSAPP_PAIRING_NUMBER\",\"Value\":\"15551234567\"}");
    }

    private String env(String name) {
        for (Object e : Templates.list(container().get("Environment"))) {
            Map<String, Object> entry = Templates.map(e);
            if (name.equals(entry.get("Name"))) {
                return String.valueOf(entry.get("Value"));
            }
        }
        throw new AssertionError(name + " is not in the container's environment");
    }

    @Test
    void aMediaLimitGivenOnceReachesTheRouterAndTheBridge() {
        TestApps.Synth synth = TestApps.synth(Map.of("appSettings", Map.of("MEDIA_MAX_MB", 8)));
        assertThat(Templates.json(synth.template("Bridge").toJSON()))
                .contains("{\"Name\":\"MEDIA_MAX_MB\",\"Value\":\"8\"}");
        Map<String, Object> router =
                Templates.props(Templates.only(synth.template("Functions"), "AWS::Lambda::Function", "Router")
                        .getValue());
        assertThat(Templates.map(Templates.map(router.get("Environment")).get("Variables")))
                .containsEntry("MEDIA_MAX_MB", "8");
    }

    @Test
    void theWholeGracefulStopFitsInsideTheStopTimeout() {
        assertThat(container()).containsEntry("StopTimeout", 60);
        int budget = Integer.parseInt(env("SHUTDOWN_GRACE_SECONDS"));
        assertThat(budget)
                .as("the bridge's one shutdown deadline leaves 15 s for the JVM's exit before SIGKILL")
                .isEqualTo(45)
                .isLessThanOrEqualTo(60 - 15);
    }

    @Test
    void theBridgeKeepsBatchesInvisibleForTheOutboundQueuesOwnVisibilityTimeout() {
        Map<String, Object> outbound = Templates.props(
                Templates.only(TestApps.defaults().template("Messaging"), "AWS::SQS::Queue", "OutboundQueue")
                        .getValue());
        assertThat(env("OUTBOUND_VISIBILITY_SECONDS")).isEqualTo(String.valueOf(outbound.get("VisibilityTimeout")));
    }

    @Test
    void chromiumRunsWithoutItsSandboxInAContainerWithoutCapabilities() {
        assertThat(env("CHROMIUM_NO_SANDBOX")).isEqualTo("true");
        assertThat(Templates.json(container().get("LinuxParameters")))
                .isEqualTo("{\"Capabilities\":{\"Drop\":[\"ALL\"]}}");
        assertThat(container()).doesNotContainKey("Privileged");
    }

    @Test
    void bridgeSettingsCannotOverrideWhatTheDeploymentDerives() {
        assertThatThrownBy(() -> TestApps.synth(
                        Map.of("bridgeSettings", Map.of("SHUTDOWN_GRACE_SECONDS", 100, "CHROMIUM_NO_SANDBOX", false))))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("bridgeSettings.SHUTDOWN_GRACE_SECONDS is set by the deployment itself")
                .hasMessageContaining("bridgeSettings.CHROMIUM_NO_SANDBOX is set by the deployment itself");
    }

    @Test
    void profileFileSystemIsEncryptedAndRefusesPlainNfs() {
        Map<String, Object> fs = Templates.props(
                Templates.only(bridge, "AWS::EFS::FileSystem", "Profile").getValue());
        assertThat(fs).containsEntry("Encrypted", true).containsEntry("ThroughputMode", "bursting");
        assertThat(Templates.json(fs.get("FileSystemPolicy")))
                .contains("{\"Action\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},"
                        + "\"Effect\":\"Deny\"");
        assertThat(Templates.only(bridge, "AWS::EFS::FileSystem", "Profile").getValue())
                .containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void accessPointIsOwnedBy10001WithMode0700() {
        Map<String, Object> ap = Templates.props(
                Templates.only(bridge, "AWS::EFS::AccessPoint", "Profile").getValue());
        assertThat(Templates.json(ap.get("PosixUser"))).isEqualTo("{\"Gid\":\"10001\",\"Uid\":\"10001\"}");
        assertThat(Templates.json(ap.get("RootDirectory")))
                .isEqualTo("{\"CreationInfo\":{\"OwnerGid\":\"10001\",\"OwnerUid\":\"10001\",\"Permissions\":\"0700\"},"
                        + "\"Path\":\"/wassist-profile\"}");
    }

    @Test
    void profileIsMountedAtDataProfileThroughTheAccessPointWithTlsAndIam() {
        Map<String, Object> task = Templates.props(Templates.only(bridge, "AWS::ECS::TaskDefinition", "TaskDefinition")
                .getValue());
        String apId = Templates.only(bridge, "AWS::EFS::AccessPoint", "Profile").getKey();
        assertThat(Templates.json(task.get("Volumes")))
                .contains("\"AuthorizationConfig\":{\"AccessPointId\":{\"Ref\":\"" + apId + "\"},\"IAM\":\"ENABLED\"}")
                .contains("\"TransitEncryption\":\"ENABLED\"");
        assertThat(Templates.list(container().get("MountPoints")))
                .extracting(Templates::json)
                .contains("{\"ContainerPath\":\"/data/profile\",\"ReadOnly\":false,"
                        + "\"SourceVolume\":\"browser-profile\"}");
    }

    @Test
    void rootFilesystemIsReadOnlyWithTmpOnTheTasksEphemeralStorage() {
        Map<String, Object> task = Templates.props(Templates.only(bridge, "AWS::ECS::TaskDefinition", "TaskDefinition")
                .getValue());
        assertThat(container()).containsEntry("ReadonlyRootFilesystem", true);
        assertThat(Templates.list(task.get("Volumes")))
                .extracting(Templates::json)
                .contains("{\"Name\":\"scratch\"}");
        assertThat(Templates.list(container().get("MountPoints")))
                .extracting(Templates::json)
                .containsExactlyInAnyOrder(
                        "{\"ContainerPath\":\"/data/profile\",\"ReadOnly\":false,\"SourceVolume\":\"browser-profile\"}",
                        "{\"ContainerPath\":\"/tmp\",\"ReadOnly\":false,\"SourceVolume\":\"scratch\"}");
    }

    @Test
    void everyWritablePathIsAVolumeOfTheRealDockerfile() throws IOException {
        Path dockerfile = Path.of(System.getProperty("wassist.repo.root", ".."), "whatsapp-bridge", "Dockerfile");
        List<String> volumes = Files.readAllLines(dockerfile).stream()
                .filter(line -> line.startsWith("VOLUME "))
                .toList();
        assertThat(volumes).hasSize(1);
        for (Object mount : Templates.list(container().get("MountPoints"))) {
            String path = String.valueOf(Templates.map(mount).get("ContainerPath"));
            assertThat(volumes.get(0))
                    .as("ECS gives the volume at %s the image directory's owner only if it is a declared VOLUME", path)
                    .contains("\"" + path + "\"");
        }
    }

    @Test
    void ecsExecKeepsTheRootFilesystemWritableBecauseItsAgentWritesThere() {
        Template exec = TestApps.synth(Map.of("bridgeExec", "true")).template("Bridge");
        Map<String, Object> task = Templates.props(Templates.only(exec, "AWS::ECS::TaskDefinition", "TaskDefinition")
                .getValue());
        Map<String, Object> c =
                Templates.map(Templates.list(task.get("ContainerDefinitions")).get(0));
        assertThat(c).containsEntry("ReadonlyRootFilesystem", false);
        assertThat(Templates.list(c.get("MountPoints"))).hasSize(2);
    }

    @Test
    void onlyTheBridgeReachesTheMountTargets() {
        Map<String, Map<String, Object>> ingress = Templates.resources(bridge, "AWS::EC2::SecurityGroupIngress");
        assertThat(ingress).hasSize(1);
        assertThat(Templates.json(ingress.values().iterator().next()))
                .contains("\"FromPort\":2049")
                .contains(Templates.only(bridge, "AWS::EC2::SecurityGroup", "ServiceSg")
                        .getKey());
    }

    @Test
    void bridgeAcceptsNoConnectionsUnlessAnAdminCidrIsGiven() {
        Map<String, Object> sg = Templates.props(
                Templates.only(bridge, "AWS::EC2::SecurityGroup", "ServiceSg").getValue());
        assertThat(sg).doesNotContainKey("SecurityGroupIngress");
        assertThat(Templates.json(sg.get("SecurityGroupEgress")))
                .contains("\"FromPort\":443")
                .contains("\"FromPort\":80");
        Template open = TestApps.synth(Map.of("adminCidr", "203.0.113.7/32")).template("Bridge");
        assertThat(Templates.json(Templates.props(Templates.only(open, "AWS::EC2::SecurityGroup", "ServiceSg")
                                .getValue())
                        .get("SecurityGroupIngress")))
                .contains("\"CidrIp\":\"203.0.113.7/32\"")
                .contains("\"FromPort\":8080");
    }

    @Test
    void ecsExecForPortForwardingIsOffUnlessAsked() {
        assertThat(service()).containsEntry("EnableExecuteCommand", false);
        assertThat(Templates.permissions(bridge, "TaskRole"))
                .noneMatch(p -> p.action().startsWith("ssmmessages:"));
        Template exec = TestApps.synth(Map.of("bridgeExec", "true")).template("Bridge");
        assertThat(Templates.props(
                        Templates.only(exec, "AWS::ECS::Service", "Service").getValue()))
                .containsEntry("EnableExecuteCommand", true);
        assertThat(Templates.permissions(exec, "TaskRole"))
                .filteredOn(p -> p.action().startsWith("ssmmessages:"))
                .extracting(Templates.Permission::action)
                .containsExactlyInAnyOrder(
                        "ssmmessages:CreateControlChannel",
                        "ssmmessages:CreateDataChannel",
                        "ssmmessages:OpenControlChannel",
                        "ssmmessages:OpenDataChannel");
    }

    @Test
    void containerLogsGoToAGroupWithRetentionWithoutBlockingTheApp() {
        String logsId =
                Templates.only(bridge, "AWS::Logs::LogGroup", "TaskLogs").getKey();
        assertThat(Templates.props(Templates.only(bridge, "AWS::Logs::LogGroup", "TaskLogs")
                        .getValue()))
                .containsEntry("RetentionInDays", 14);
        assertThat(Templates.json(container().get("LogConfiguration")))
                .contains("\"awslogs-group\":{\"Ref\":\"" + logsId + "\"}")
                .contains("\"mode\":\"non-blocking\"");
    }

    @Test
    void containerInsightsIsOffBecauseItsMetricsAreBilled() {
        assertThat(Templates.json(bridge.findResources("AWS::ECS::Cluster")))
                .contains("{\"Name\":\"containerInsights\",\"Value\":\"disabled\"}");
    }

    @Test
    void taskRolePermissionsAreExactlyWhatTheBridgeNeeds() {
        List<Templates.Permission> permissions = Templates.permissions(bridge, "TaskRole");
        List<String[]> expected = List.of(
                new String[] {"sqs:SendMessage", "InboundQueue"},
                new String[] {"sqs:GetQueueAttributes", "InboundQueue"},
                new String[] {"sqs:ReceiveMessage", "OutboundQueue"},
                new String[] {"sqs:DeleteMessage", "OutboundQueue"},
                new String[] {"sqs:ChangeMessageVisibility", "OutboundQueue"},
                new String[] {"sqs:GetQueueAttributes", "OutboundQueue"},
                new String[] {"s3:PutObject", "/inbound/*"},
                new String[] {"s3:GetObject", "/outbound/*"},
                new String[] {"secretsmanager:GetSecretValue", "AppSecret"},
                new String[] {"elasticfilesystem:ClientMount", "ProfileFileSystem"},
                new String[] {"elasticfilesystem:ClientWrite", "ProfileFileSystem"});
        assertThat(permissions).hasSize(expected.size());
        for (String[] e : expected) {
            assertThat(permissions)
                    .as("%s on %s", e[0], e[1])
                    .filteredOn(p -> p.matches(e[0], e[1]))
                    .hasSize(1);
        }
        assertThat(permissions)
                .filteredOn(p -> p.action().startsWith("elasticfilesystem:"))
                .allSatisfy(p -> assertThat(p.condition()).contains("elasticfilesystem:AccessPointArn"));
    }

    @Test
    void imageIsBuiltAtDeployTimeFromTheBridgeContextForTheTaskArchitecture() throws IOException {
        Path outdir = TestApps.defaults().outdir();
        Map<String, Object> images =
                Templates.map(JsonObjects.parse(Files.readString(outdir.resolve("WAssist-Bridge.assets.json")))
                        .get("dockerImages"));
        assertThat(images).hasSize(1);
        Map<String, Object> source =
                Templates.map(Templates.map(images.values().iterator().next()).get("source"));
        assertThat(source)
                .containsEntry("platform", "linux/arm64")
                .containsEntry("dockerFile", "whatsapp-bridge/Dockerfile");
        Path context = outdir.resolve(String.valueOf(source.get("directory")));
        assertThat(context.resolve("whatsapp-bridge/Dockerfile")).isRegularFile();
        assertThat(context.resolve("whatsapp-bridge/target/whatsapp-bridge.jar"))
                .isRegularFile();
        assertThat(context.resolve("whatsapp-bridge/target/classes")).doesNotExist();
        assertThat(context.resolve("infra")).doesNotExist();
    }
}
