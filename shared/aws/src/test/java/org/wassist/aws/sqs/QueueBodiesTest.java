package org.wassist.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.message.OutboundCommand;
import org.wassist.pipeline.Failure;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

class QueueBodiesTest {
    @Test
    void aBodyAtTheLimitPassesAndOneByteMoreFails() {
        String atLimit = "a".repeat(QueueBodies.MAX_BYTES);
        assertThat(QueueBodies.checked(atLimit, "x")).isSameAs(atLimit);
        assertThatThrownBy(() -> QueueBodies.checked(atLimit + "é", "outbound command"))
                .isInstanceOf(Failure.Permanent.class)
                .hasMessageContaining("over the queue limit of 262144");
    }

    @Test
    void anOversizedCommandFailsBeforeAnyCall() {
        try (SqsClient sqs = SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .build()) {
            var huge =
                    new OutboundCommand.SendText("m#1", "c@c.us", "x".repeat(QueueBodies.MAX_BYTES), null, List.of());
            assertThatThrownBy(() -> new SqsOutbox(sqs, "http://127.0.0.1:9/q.fifo").send(huge))
                    .isInstanceOf(Failure.Permanent.class);
        }
    }
}
