package org.wassist.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wassist.aws.AwsClients;
import org.wassist.aws.StandInClients;
import org.wassist.outbox.OutboundQueue;
import org.wassist.outbox.Outbox;
import org.wassist.standins.StandIns;
import org.wassist.standins.sqs.ElasticMq;
import org.wassist.testkit.outbox.OutboundQueueContract;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsOutboundQueueIT extends OutboundQueueContract {
    private final String url = StandIns.sqs().outboundQueueUrl();
    private final SqsClient sqs = StandInClients.get().sqs();
    private final SqsOutbox outbox = new SqsOutbox(sqs, url);
    private final SqsOutboundQueue queue = new SqsOutboundQueue(sqs, url);

    @Override
    protected Outbox producer() {
        return outbox;
    }

    @Override
    protected OutboundQueue queue() {
        return queue;
    }

    /** A queue server of its own: these tests fill the dead-letter queue and receive everything. */
    @Test
    void anUndecodableBodyIsNeverHandedOutAndEndsInTheDeadLetterQueue() {
        try (ElasticMq mq = ElasticMq.start()) {
            SqsClient client = AwsClients.withEndpoints(
                            software.amazon.awssdk.regions.Region.US_EAST_1,
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"),
                            new AwsClients.Endpoints(mq.endpoint(), null, null))
                    .sqs();
            String group = UUID.randomUUID().toString();
            client.sendMessage(b -> b.queueUrl(mq.outboundQueueUrl())
                    .messageGroupId(group)
                    .messageDeduplicationId(group)
                    .messageBody("{not json"));
            SqsOutboundQueue consumer = new SqsOutboundQueue(client, mq.outboundQueueUrl());
            for (int i = 0; i <= ElasticMq.MAX_RECEIVE_COUNT; i++) {
                assertThat(consumer.receive(10, Duration.ofSeconds(1))).isEmpty();
            }
            var dead = client.receiveMessage(
                            b -> b.queueUrl(mq.outboundDlqUrl()).waitTimeSeconds(1))
                    .messages();
            assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{not json"));
        }
    }

    @Test
    void theDeletePolicyDropsAnUndecodableBody() {
        try (ElasticMq mq = ElasticMq.start()) {
            SqsClient client = AwsClients.withEndpoints(
                            software.amazon.awssdk.regions.Region.US_EAST_1,
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"),
                            new AwsClients.Endpoints(mq.endpoint(), null, null))
                    .sqs();
            client.sendMessage(b -> b.queueUrl(mq.outboundQueueUrl())
                    .messageGroupId("g")
                    .messageDeduplicationId("d")
                    .messageBody("[]"));
            var consumer = new SqsOutboundQueue(client, mq.outboundQueueUrl(), SqsOutboundQueue.Malformed.DELETE);
            assertThat(consumer.receive(10, Duration.ofSeconds(1))).isEmpty();
            var attributes = client.getQueueAttributes(
                            b -> b.queueUrl(mq.outboundQueueUrl()).attributeNamesWithStrings("All"))
                    .attributesAsStrings();
            assertThat(attributes).containsEntry("ApproximateNumberOfMessages", "0");
            assertThat(attributes).containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
        }
    }
}
