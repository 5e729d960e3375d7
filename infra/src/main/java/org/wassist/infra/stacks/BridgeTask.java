package org.wassist.infra.stacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.config.InfraConfigException;
import org.wassist.infra.constructs.Logs;
import org.wassist.infra.constructs.ProfileFileSystem;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Capability;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LinuxParameters;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * The bridge's task definition: one container from {@link BridgeImage}, run as uid/gid 10001 without Linux
 * capabilities, with a read-only root filesystem. The process tree writes only to the browser profile on EFS and to
 * {@code /tmp} on the task's ephemeral storage (docs/adr/0008-read-only-bridge-container.md); the Dockerfile declares
 * both as VOLUMEs owned by the bridge user, since ECS gives a bind mount the owner and mode of the image directory it
 * replaces only for a declared VOLUME.
 * Chromium's own sandbox is off: Fargate grants no capability that creates the namespaces it needs
 * (docs/adr/0007-chromium-sandbox-on-fargate.md).
 */
final class BridgeTask extends Construct {
    static final String CONTAINER = "bridge";
    static final String PROFILE_DIR = "/data/profile";
    /**
     * Scratch space: the per-process temp directory (Chromium's TMPDIR, HOME and caches), Playwright's unpacked driver
     * and the JVM's perf data. A bind-mount volume on the task's ephemeral storage, gone with the task.
     */
    static final String TEMP_DIR = "/tmp";

    static final String TEMP_VOLUME = "scratch";
    /** How long ECS waits after SIGTERM before SIGKILL. */
    static final Duration STOP_TIMEOUT = Duration.seconds(60);
    /**
     * The bridge's whole graceful stop (SHUTDOWN_GRACE_SECONDS): 15 s below the stop timeout, left for the JVM's exit,
     * the last log lines and tini.
     */
    static final int SHUTDOWN_BUDGET_SECONDS = 45;
    /** Bridge settings that follow from this deployment; bridgeSettings cannot override them. */
    static final List<String> SET_HERE =
            List.of("SHUTDOWN_GRACE_SECONDS", "OUTBOUND_VISIBILITY_SECONDS", "CHROMIUM_NO_SANDBOX");
    /**
     * GET /healthz without curl in the image: bash's /dev/tcp. Failing three times in a row replaces the task.
     */
    static final List<String> HEALTH_COMMAND = List.of(
            "CMD",
            "/bin/bash",
            "-c",
            "exec 3<>/dev/tcp/127.0.0.1/" + BridgeStack.PORT
                    + " && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3"
                    + " && head -n 1 <&3 | grep -q ' 200'");

    private final FargateTaskDefinition definition;

    BridgeTask(
            Construct scope,
            String id,
            InfraConfig config,
            IRole taskRole,
            ProfileFileSystem profile,
            MessagingStack messaging,
            DataStack data) {
        super(scope, id);
        refuseOverrides(config.bridgeSettings());
        this.definition = definition(config.bridge(), taskRole, profile);
        ContainerDefinition container =
                definition.addContainer(CONTAINER, container(config, environment(config, messaging, data)));
        container.addMountPoints(writable(ProfileFileSystem.VOLUME, PROFILE_DIR), writable(TEMP_VOLUME, TEMP_DIR));
    }

    private FargateTaskDefinition definition(InfraConfig.Bridge settings, IRole taskRole, ProfileFileSystem profile) {
        return FargateTaskDefinition.Builder.create(this, "Definition")
                .cpu(settings.cpu())
                .memoryLimitMiB(settings.memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(settings.arch().ecs())
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .taskRole(taskRole)
                .volumes(List.of(
                        profile.volume(), Volume.builder().name(TEMP_VOLUME).build()))
                .build();
    }

    /**
     * ECS Exec's agent writes into the container's root filesystem, and AWS does not support it on a read-only one:
     * with {@code bridgeExec} the root filesystem stays writable.
     */
    private ContainerDefinitionOptions container(InfraConfig config, Map<String, String> environment) {
        return ContainerDefinitionOptions.builder()
                .image(BridgeImage.of(config))
                .user(ProfileFileSystem.UID + ":" + ProfileFileSystem.UID)
                .readonlyRootFilesystem(!config.bridge().exec())
                .environment(environment)
                .portMappings(List.of(
                        PortMapping.builder().containerPort(BridgeStack.PORT).build()))
                .healthCheck(HealthCheck.builder()
                        .command(HEALTH_COMMAND)
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(180))
                        .build())
                .stopTimeout(STOP_TIMEOUT)
                .linuxParameters(withoutCapabilities())
                .logging(logging(config))
                .build();
    }

    private static MountPoint writable(String volume, String path) {
        return MountPoint.builder()
                .sourceVolume(volume)
                .containerPath(path)
                .readOnly(false)
                .build();
    }

    /** Non-blocking: a slow log delivery never stalls the bridge; up to 25 MB wait in the buffer. */
    private LogDriver logging(InfraConfig config) {
        return LogDrivers.awsLogs(AwsLogDriverProps.builder()
                .logGroup(Logs.group(
                        this,
                        "Logs",
                        config.logRetentionDays(),
                        config.removal().rebuildable()))
                .streamPrefix(CONTAINER)
                .mode(AwsLogDriverMode.NON_BLOCKING)
                .maxBufferSize(Size.mebibytes(25))
                .build());
    }

    private Map<String, String> environment(InfraConfig config, MessagingStack messaging, DataStack data) {
        Map<String, String> env = new LinkedHashMap<>(config.bridgeSettings());
        env.put("INBOUND_QUEUE_URL", messaging.inbound().getQueueUrl());
        env.put("OUTBOUND_QUEUE_URL", messaging.outbound().getQueueUrl());
        env.put("MEDIA_BUCKET", data.media().getBucketName());
        env.put("AWS_REGION", Stack.of(this).getRegion());
        env.put("APP_SECRET_ARN", data.appSecret().getSecretArn());
        env.put("CHANNEL", "whatsapp-web");
        env.put("PORT", String.valueOf(BridgeStack.PORT));
        env.put("PROFILE_DIR", PROFILE_DIR);
        env.put("SHUTDOWN_GRACE_SECONDS", String.valueOf(SHUTDOWN_BUDGET_SECONDS));
        env.put("OUTBOUND_VISIBILITY_SECONDS", String.valueOf(MessagingStack.OUTBOUND_VISIBILITY.toSeconds()));
        // Fargate cannot give Chromium the user namespaces its sandbox needs (ADR 0007).
        env.put("CHROMIUM_NO_SANDBOX", "true");
        String pairing = config.bridge().pairingNumber();
        if (pairing != null) {
            env.put("WHATSAPP_PAIRING_NUMBER", pairing);
        }
        return env;
    }

    /** The bridge runs as a non-root user and needs no Linux capability; without any, a setuid binary gains none. */
    private LinuxParameters withoutCapabilities() {
        LinuxParameters linux = LinuxParameters.Builder.create(this, "Linux").build();
        linux.dropCapabilities(Capability.ALL);
        return linux;
    }

    private static void refuseOverrides(Map<String, String> bridgeSettings) {
        List<String> problems = SET_HERE.stream()
                .filter(bridgeSettings::containsKey)
                .map(name -> "bridgeSettings." + name + " is set by the deployment itself and cannot be overridden")
                .toList();
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
    }

    FargateTaskDefinition definition() {
        return definition;
    }
}
