package org.wassist.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MigratorWiringTest {
    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> MigratorWiring.fromEnvironment(Map.of("AWS_REGION", "us-east-1", "DB_NAME", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the migrator needs DB_CLUSTER_ARN, DB_SECRET_ARN, DB_NAME");
        assertThatThrownBy(() -> MigratorWiring.fromEnvironment(Map.of()))
                .hasMessageContaining("AWS_REGION, DB_CLUSTER_ARN");
    }

    @Test
    void buildsFromACompleteEnvironmentWithoutCallingAws() {
        MigratorWiring wiring = MigratorWiring.fromEnvironment(Map.of(
                "AWS_REGION", "us-east-1",
                "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:wassist",
                "DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                "DB_NAME", "wassist"));
        assertThat(wiring.database()).isEqualTo("wassist");
        assertThat(wiring.migrations()).isNotNull();
    }

    @Test
    void everyDataApiCallIsBounded() {
        try (var client = MigratorWiring.client("us-east-1")) {
            var bounds = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(bounds.apiCallAttemptTimeout()).contains(MigratorWiring.ATTEMPT_TIMEOUT);
            assertThat(bounds.apiCallTimeout()).contains(MigratorWiring.CALL_TIMEOUT);
            assertThat(MigratorWiring.ATTEMPT_TIMEOUT).isGreaterThan(java.time.Duration.ofSeconds(45));
        }
    }
}
