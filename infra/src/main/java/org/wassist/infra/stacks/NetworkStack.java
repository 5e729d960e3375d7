package org.wassist.infra.stacks;

import java.util.List;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * A VPC without NAT gateways. The bridge task sits in a public subnet with its own public IP (the cheapest way out
 * to WhatsApp and the AWS APIs); Aurora sits in isolated subnets, reached only through the Data API. The functions
 * run outside the VPC, so no interface endpoints are needed. The S3 gateway endpoint is free and keeps the bridge's
 * media and image-layer traffic on the AWS network.
 */
public final class NetworkStack extends Stack {
    /** Aurora needs subnets in two Availability Zones. */
    public static final int AZS = 2;

    private final Vpc vpc;

    public NetworkStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(AZS)
                .natGateways(0)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .mapPublicIpOnLaunch(false)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("isolated")
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24)
                                .build()))
                .gatewayEndpoints(java.util.Map.of(
                        "S3",
                        GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.S3)
                                .subnets(List.of(SubnetSelection.builder()
                                        .subnetType(SubnetType.PUBLIC)
                                        .build()))
                                .build()))
                .build();
        // Pinned AZ names are how an environment-specific VPC works: CDK takes them from the account's AZ lookup
        // (context), so the subnets never move when Fn::GetAZs would return a different list.
        Validations.of(vpc)
                .acknowledge(Acknowledgment.builder()
                        .id("CloudFormation-Validate::W3010")
                        .reason("AZ names come from the account's AZ lookup and stay fixed")
                        .build());
    }

    public IVpc vpc() {
        return vpc;
    }
}
