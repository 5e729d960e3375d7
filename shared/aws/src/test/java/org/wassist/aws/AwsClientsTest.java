package org.wassist.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {
    @Test
    void aMissingRegionIsAClearError() {
        assertThatThrownBy(() -> AwsClients.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void buildsEachClientOnceAndOnlyWhenAsked() {
        try (AwsClients clients = AwsClients.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9"))) {
            var sqs = clients.sqs();
            assertThat(clients.sqs()).isSameAs(sqs);
            assertThat(sqs.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }
}
