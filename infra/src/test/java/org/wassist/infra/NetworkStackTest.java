package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {
    private final Template network = TestApps.defaults().template("Network");

    @Test
    void thereIsNoNatGatewayAndNoInterfaceEndpoint() {
        network.resourceCountIs("AWS::EC2::NatGateway", 0);
        network.resourceCountIs("AWS::EC2::EIP", 0);
        assertThat(Templates.resources(network, "AWS::EC2::VPCEndpoint").values())
                .allSatisfy(e -> assertThat(Templates.props(e)).containsEntry("VpcEndpointType", "Gateway"));
    }

    @Test
    void twoPublicAndTwoIsolatedSubnetsInTwoZones() {
        Map<String, Map<String, Object>> subnets = Templates.resources(network, "AWS::EC2::Subnet");
        assertThat(subnets.keySet())
                .hasSize(4)
                .filteredOn(id -> id.contains("public"))
                .hasSize(2);
        assertThat(subnets.values().stream()
                        .map(s -> Templates.props(s).get("AvailabilityZone"))
                        .distinct())
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(subnets.values())
                .allSatisfy(s -> assertThat(Templates.props(s)).containsEntry("MapPublicIpOnLaunch", false));
    }

    @Test
    void onlyThePublicSubnetsRouteToTheInternet() {
        assertThat(Templates.resources(network, "AWS::EC2::Route").keySet())
                .hasSize(2)
                .allSatisfy(id -> assertThat(id).contains("public"));
    }

    @Test
    void theFreeS3GatewayEndpointServesThePublicSubnets() {
        Map<String, Object> endpoint = Templates.props(
                Templates.only(network, "AWS::EC2::VPCEndpoint", "VpcS3").getValue());
        assertThat(Templates.json(endpoint.get("ServiceName"))).contains(".s3");
        assertThat(Templates.json(endpoint.get("RouteTableIds")))
                .contains("publicSubnet1")
                .contains("publicSubnet2")
                .doesNotContain("isolated");
    }
}
