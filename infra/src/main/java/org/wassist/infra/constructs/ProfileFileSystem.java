package org.wassist.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AuthorizationConfig;
import software.amazon.awscdk.services.ecs.EfsVolumeConfiguration;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.efs.AccessPoint;
import software.amazon.awscdk.services.efs.AccessPointOptions;
import software.amazon.awscdk.services.efs.Acl;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.efs.PerformanceMode;
import software.amazon.awscdk.services.efs.PosixUser;
import software.amazon.awscdk.services.efs.ThroughputMode;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The browser profile (the WhatsApp Web session) on an encrypted EFS file system, so a replaced task keeps the
 * session instead of asking for a new link. The task sees only its access point: {@code /wassist-profile}, owned by
 * uid/gid 10001 with mode 0700, mounted over TLS with IAM authorization; the file system refuses anonymous and
 * unencrypted clients. Only the bridge's security group reaches the mount targets. Bursting throughput: no
 * throughput charge.
 */
public final class ProfileFileSystem extends Construct {
    public static final String PATH = "/wassist-profile";
    public static final String UID = "10001";
    public static final String PERMISSIONS = "0700";
    public static final String VOLUME = "browser-profile";

    private final FileSystem fileSystem;
    private final AccessPoint accessPoint;

    public ProfileFileSystem(Construct scope, String id, IVpc vpc, RemovalPolicy removal) {
        super(scope, id);
        this.fileSystem = FileSystem.Builder.create(this, "FileSystem")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .build())
                .encrypted(true)
                .performanceMode(PerformanceMode.GENERAL_PURPOSE)
                .throughputMode(ThroughputMode.BURSTING)
                .allowAnonymousAccess(false)
                .removalPolicy(removal)
                .build();
        fileSystem.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("*"))
                .conditions(Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                .build());
        this.accessPoint = fileSystem.addAccessPoint(
                "Profile",
                AccessPointOptions.builder()
                        .path(PATH)
                        .posixUser(PosixUser.builder().uid(UID).gid(UID).build())
                        .createAcl(Acl.builder()
                                .ownerUid(UID)
                                .ownerGid(UID)
                                .permissions(PERMISSIONS)
                                .build())
                        .build());
    }

    /** The task volume: through the access point, encrypted in transit, authorized by the task role. */
    public Volume volume() {
        return Volume.builder()
                .name(VOLUME)
                .efsVolumeConfiguration(EfsVolumeConfiguration.builder()
                        .fileSystemId(fileSystem.getFileSystemId())
                        .transitEncryption("ENABLED")
                        .authorizationConfig(AuthorizationConfig.builder()
                                .accessPointId(accessPoint.getAccessPointId())
                                .iam("ENABLED")
                                .build())
                        .build())
                .build();
    }

    /** Mount and write through the access point only (no root access, no other access point). */
    public void grantMount(IRole role) {
        PolicyStatement statement = Iam.allow(
                List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                List.of(fileSystem.getFileSystemArn()));
        statement.addCondition(
                "StringEquals", Map.of("elasticfilesystem:AccessPointArn", accessPoint.getAccessPointArn()));
        role.addToPrincipalPolicy(statement);
    }

    public FileSystem fileSystem() {
        return fileSystem;
    }

    public AccessPoint accessPoint() {
        return accessPoint;
    }
}
