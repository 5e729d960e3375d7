package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MessagingStackTest {
    private final Template messaging = TestApps.defaults().template("Messaging");

    @Test
    void fourQueuesAllFifoWithExplicitDeduplicationAndSqsManagedEncryption() {
        Map<String, Map<String, Object>> queues = Templates.resources(messaging, "AWS::SQS::Queue");
        assertThat(queues).hasSize(4);
        assertThat(queues.values())
                .allSatisfy(q -> assertThat(Templates.props(q))
                        .containsEntry("FifoQueue", true)
                        .containsEntry("ContentBasedDeduplication", false)
                        .containsEntry("SqsManagedSseEnabled", true));
    }

    @Test
    void inboundAndOutboundRedriveToTheirOwnFifoDlqAfterFiveReceives() {
        for (String name : List.of("Inbound", "Outbound")) {
            String dlqId =
                    Templates.only(messaging, "AWS::SQS::Queue", name + "Dlq").getKey();
            Map<String, Object> queue = Templates.props(
                    Templates.only(messaging, "AWS::SQS::Queue", name + "Queue").getValue());
            assertThat(Templates.json(queue.get("RedrivePolicy")))
                    .contains("\"maxReceiveCount\":5")
                    .contains("\"" + dlqId + "\"");
        }
    }

    @Test
    void retentionIsFourDaysOnQueuesAndFourteenOnDlqs() {
        assertThat(Templates.props(Templates.only(messaging, "AWS::SQS::Queue", "InboundQueue")
                        .getValue()))
                .containsEntry("MessageRetentionPeriod", 4 * 86_400);
        assertThat(Templates.props(Templates.only(messaging, "AWS::SQS::Queue", "OutboundDlq")
                        .getValue()))
                .containsEntry("MessageRetentionPeriod", 14 * 86_400);
    }

    @Test
    void inboundVisibilityIsSixRouterTimeoutsAndOutboundThirtySeconds() {
        assertThat(Templates.props(Templates.only(messaging, "AWS::SQS::Queue", "InboundQueue")
                        .getValue()))
                .containsEntry("VisibilityTimeout", 6 * 120);
        assertThat(Templates.props(Templates.only(messaging, "AWS::SQS::Queue", "OutboundQueue")
                        .getValue()))
                .containsEntry("VisibilityTimeout", 120);
        Template longer = TestApps.synth(Map.of("routerTimeoutSeconds", "300")).template("Messaging");
        assertThat(Templates.props(Templates.only(longer, "AWS::SQS::Queue", "InboundQueue")
                        .getValue()))
                .containsEntry("VisibilityTimeout", 6 * 300);
    }

    @Test
    void everyQueueDeniesRequestsWithoutTls() {
        messaging.resourceCountIs("AWS::SQS::QueuePolicy", 4);
        messaging.allResourcesProperties(
                "AWS::SQS::QueuePolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
