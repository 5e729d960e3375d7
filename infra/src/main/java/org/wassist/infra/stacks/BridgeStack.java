package org.wassist.infra.stacks;

import java.util.List;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.constructs.Iam;
import org.wassist.infra.constructs.ProfileFileSystem;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AvailabilityZoneRebalancing;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The WhatsApp bridge: exactly one Fargate task in a public subnet with a public IP (no NAT gateway), its browser
 * profile on EFS. Deployments stop the old task before starting the new one (minimum 0%, maximum 100%), so two
 * WhatsApp Web sessions never run at once; the circuit breaker rolls back a task that never becomes healthy.
 */
public final class BridgeStack extends Stack {
    public static final int PORT = 8080;

    private final FargateService service;
    private final Cluster cluster;

    public BridgeStack(
            Construct scope,
            String id,
            StackProps props,
            InfraConfig config,
            IVpc vpc,
            MessagingStack messaging,
            DataStack data) {
        super(scope, id, props);
        InfraConfig.Bridge settings = config.bridge();
        ProfileFileSystem profile =
                new ProfileFileSystem(this, "Profile", vpc, config.removal().durable());
        Role taskRole = taskRole(messaging, data, profile);
        BridgeTask task = new BridgeTask(this, "Task", config, taskRole, profile, messaging, data);

        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.DISABLED)
                .enableFargateCapacityProviders(settings.spot())
                .build();
        this.service = service(settings, task, securityGroup(vpc, settings));
        service.applyRemovalPolicy(config.removal().rebuildable());
        profile.fileSystem().getConnections().allowDefaultPortFrom(service, "the bridge task mounts its profile");

        CfnOutput.Builder.create(this, "BridgeServiceName")
                .value(service.getServiceName())
                .build();
        CfnOutput.Builder.create(this, "BridgeClusterName")
                .value(cluster.getClusterName())
                .build();
    }

    /** HTTPS (and HTTP for certificate checks) out; in only from adminCidr, when set. */
    private SecurityGroup securityGroup(IVpc vpc, InfraConfig.Bridge settings) {
        SecurityGroup sg = SecurityGroup.Builder.create(this, "ServiceSg")
                .vpc(vpc)
                .description("WAssist bridge: HTTPS out; port " + PORT + " only from adminCidr, if set")
                .allowAllOutbound(false)
                .build();
        sg.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "WhatsApp Web and the AWS APIs");
        sg.addEgressRule(Peer.anyIpv4(), Port.tcp(80), "certificate status checks by the browser");
        if (settings.adminCidr() != null) {
            sg.addIngressRule(Peer.ipv4(settings.adminCidr()), Port.tcp(PORT), "operator: the linking page");
        }
        return sg;
    }

    /** One task, never two: stop before start, roll back a deployment that never becomes healthy. */
    private FargateService service(InfraConfig.Bridge settings, BridgeTask task, SecurityGroup sg) {
        return FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task.definition())
                .desiredCount(1)
                .minHealthyPercent(0)
                .maxHealthyPercent(100)
                .circuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .availabilityZoneRebalancing(AvailabilityZoneRebalancing.DISABLED)
                .assignPublicIp(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(sg))
                .platformVersion(FargatePlatformVersion.LATEST)
                .capacityProviderStrategies(
                        settings.spot()
                                ? List.of(CapacityProviderStrategy.builder()
                                        .capacityProvider("FARGATE_SPOT")
                                        .weight(1)
                                        .build())
                                : null)
                .enableExecuteCommand(settings.exec())
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true)
                .build();
    }

    /** What the bridge may do, and nothing more. */
    private Role taskRole(MessagingStack messaging, DataStack data, ProfileFileSystem profile) {
        Role role = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .build();
        // GetQueueAttributes: the readiness probe of an idle bridge, which publishes nothing that would notice.
        role.addToPrincipalPolicy(Iam.allow(
                List.of("sqs:SendMessage", "sqs:GetQueueAttributes"),
                List.of(messaging.inbound().getQueueArn())));
        role.addToPrincipalPolicy(Iam.allow(
                List.of(
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes"),
                List.of(messaging.outbound().getQueueArn())));
        role.addToPrincipalPolicy(
                Iam.allow(List.of("s3:PutObject"), List.of(data.media().arnForObjects("inbound/*"))));
        role.addToPrincipalPolicy(
                Iam.allow(List.of("s3:GetObject"), List.of(data.media().arnForObjects("outbound/*"))));
        role.addToPrincipalPolicy(Iam.readSecrets(List.of(data.appSecret().getSecretArn())));
        profile.grantMount(role);
        return role;
    }

    public FargateService service() {
        return service;
    }

    public Cluster cluster() {
        return cluster;
    }
}
