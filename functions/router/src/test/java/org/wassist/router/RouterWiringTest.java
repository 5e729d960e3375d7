package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.aws.AwsClients;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/** The wiring's INIT stage: what it checks, and that it needs nothing from the network. */
class RouterWiringTest {
    /** Nothing listens on port 1: any call made through these endpoints would fail. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:1");

    static Map<String, String> deployment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("OUTBOUND_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/wassist-outbound.fifo");
        env.put("IDEMPOTENCY_TABLE", "wassist-idempotency");
        env.put("DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:wassist");
        env.put("DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:wassist-db-AbCdEf");
        env.put("APP_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:wassist-app-AbCdEf");
        return env;
    }

    private static AwsClients unreachable() {
        return AwsClients.withEndpoints(
                Region.US_EAST_1,
                AwsBasicCredentials.create("test", "test"),
                new AwsClients.Endpoints(NOWHERE, NOWHERE, NOWHERE, NOWHERE, NOWHERE));
    }

    @Test
    void initNeedsNoNetworkNorSecretAndLeavesThePipelineToTheFirstInvocation() {
        try (AwsClients aws = unreachable()) {
            RouterWiring wiring = RouterWiring.create(deployment(), aws);

            assertThat(wiring.built()).isFalse();
            assertThat(wiring.tokens().count("What can you do?")).isPositive();
        }
    }

    @Test
    void theWarmUpBeforeASnapshotNeedsNoNetworkEither() {
        try (AwsClients aws = unreachable()) {
            RouterWiring wiring = RouterWiring.create(deployment(), aws);

            wiring.warmUp();

            assertThat(wiring.built()).isFalse();
        }
    }

    @Test
    void initRefusesAnIncompleteDeploymentNamingEveryMissingSetting() {
        Map<String, String> env = deployment();
        env.remove("OUTBOUND_QUEUE_URL");
        env.remove("IDEMPOTENCY_TABLE");

        try (AwsClients aws = unreachable()) {
            assertThatThrownBy(() -> RouterWiring.create(env, aws))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("OUTBOUND_QUEUE_URL")
                    .hasMessageContaining("IDEMPOTENCY_TABLE");
        }
    }

    @Test
    void theLastReceiveIsTheQueuesMaxReceiveCount() {
        assertThat(RouterWiring.maxReceives(new AppConfig.Infra(Map.of())))
                .isEqualTo(RouterWiring.DEFAULT_MAX_RECEIVES);
        assertThat(RouterWiring.maxReceives(new AppConfig.Infra(Map.of("INBOUND_MAX_RECEIVES", "7"))))
                .isEqualTo(7);
    }
}
