package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {
    private final Template obs = TestApps.defaults().template("Observability");

    private Map<String, Object> alarm(String name) {
        return Templates.props(
                Templates.only(obs, "AWS::CloudWatch::Alarm", name).getValue());
    }

    private void assertNotifies(Map<String, Object> alarm) {
        String topic = Templates.only(obs, "AWS::SNS::Topic", "AlarmTopic").getKey();
        assertThat(Templates.json(alarm.get("AlarmActions"))).isEqualTo("[{\"Ref\":\"" + topic + "\"}]");
        assertThat(Templates.json(alarm.get("OKActions"))).isEqualTo("[{\"Ref\":\"" + topic + "\"}]");
    }

    @Test
    void tenAlarmsStayWithinTheFreeTen() {
        obs.resourceCountIs("AWS::CloudWatch::Alarm", 10);
        obs.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @Test
    void errorRepliesAreCountedFromTheRoutersLogLinesOfAnsweredFailures() {
        Map<String, Object> filter = Templates.props(
                Templates.only(obs, "AWS::Logs::MetricFilter", "ErrorReplies").getValue());
        assertThat(filter.get("FilterPattern"))
                .isEqualTo("{ ($.logger = \"org.wassist.pipeline.Observe\") && ($.message = %decision=answer%) }");
        assertThat(Templates.json(filter.get("LogGroupName"))).contains("RouterLogs");
        assertThat(Templates.json(filter.get("MetricTransformations")))
                .isEqualTo("[{\"MetricName\":\"RouterErrorReplies\",\"MetricNamespace\":\"WAssist\","
                        + "\"MetricValue\":\"1\",\"Unit\":\"Count\"}]");
    }

    @Test
    void errorRepliesAlarmAtThreeWithinFifteenMinutes() {
        Map<String, Object> a = alarm("RouterErrorReplies");
        assertThat(a)
                .containsEntry("Namespace", "WAssist")
                .containsEntry("MetricName", "RouterErrorReplies")
                .containsEntry("Statistic", "Sum")
                .containsEntry("Period", 900)
                .containsEntry("EvaluationPeriods", 1)
                .containsEntry("Threshold", 3)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching")
                .doesNotContainKey("Dimensions");
        assertNotifies(a);
    }

    /**
     * The metric filter matches the line shared/core writes: the logger is Observe, its one line per delivery carries
     * the decision, and an answered failure's decision is spelled {@code answer}.
     */
    @Test
    void theFilterFollowsTheLinesThePipelineActuallyLogs() throws IOException {
        Path pipeline = Path.of(
                System.getProperty("wassist.repo.root", ".."), "shared/core/src/main/java/org/wassist/pipeline");
        assertThat(Files.readString(pipeline.resolve("Observe.java")))
                .contains("package org.wassist.pipeline;")
                .contains("LoggerFactory.getLogger(Observe.class)")
                .contains("\"message processed outcome={} decision={} ");
        assertThat(Files.readString(pipeline.resolve("Verdict.java")))
                .contains("ANSWER,")
                .contains("decision.name().toLowerCase(java.util.Locale.ROOT)");
    }

    @Test
    void eachDlqAlarmsOnItsFirstMessage() {
        for (String name : new String[] {"InboundDlqNotEmpty", "OutboundDlqNotEmpty"}) {
            Map<String, Object> a = alarm(name);
            assertThat(a)
                    .containsEntry("Namespace", "AWS/SQS")
                    .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                    .containsEntry("Statistic", "Maximum")
                    .containsEntry("Threshold", 1)
                    .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("TreatMissingData", "notBreaching");
            assertThat(Templates.json(a.get("Dimensions")))
                    .contains(name.startsWith("In") ? "InboundDlq" : "OutboundDlq");
            assertNotifies(a);
        }
    }

    @Test
    void inboundOldestMessageAlarmsAfterFiveMinutes() {
        Map<String, Object> a = alarm("InboundMessagesTooOld");
        assertThat(a)
                .containsEntry("MetricName", "ApproximateAgeOfOldestMessage")
                .containsEntry("Threshold", 300)
                .containsEntry("Period", 300)
                .containsEntry("TreatMissingData", "notBreaching");
        assertThat(Templates.json(a.get("Dimensions"))).contains("InboundQueue");
        assertThat(Templates.json(alarm("OutboundMessagesTooOld").get("Dimensions")))
                .contains("OutboundQueue");
        assertNotifies(a);
    }

    @Test
    void routerErrorsAndThrottlesAlarmOnTheFirstOne() {
        for (String name : new String[] {"RouterErrors", "RouterThrottles"}) {
            Map<String, Object> a = alarm(name);
            assertThat(a)
                    .containsEntry("Namespace", "AWS/Lambda")
                    .containsEntry("MetricName", name.substring("Router".length()))
                    .containsEntry("Statistic", "Sum")
                    .containsEntry("Threshold", 1)
                    .containsEntry("TreatMissingData", "notBreaching");
            assertThat(Templates.json(a.get("Dimensions"))).contains("Router");
            assertNotifies(a);
        }
    }

    @Test
    void bridgeTaskNotRunningTreatsSilenceAsDown() {
        Map<String, Object> a = alarm("BridgeTaskNotRunning");
        assertThat(a)
                .containsEntry("Namespace", "AWS/ECS")
                .containsEntry("MetricName", "CPUUtilization")
                .containsEntry("Statistic", "SampleCount")
                .containsEntry("ComparisonOperator", "LessThanThreshold")
                .containsEntry("Threshold", 1)
                .containsEntry("EvaluationPeriods", 10)
                .containsEntry("TreatMissingData", "breaching");
        assertThat(Templates.json(a.get("Dimensions"))).contains("ClusterName", "ServiceName");
        assertNotifies(a);
    }

    @Test
    void bridgeNotReadyReadsTheEmfMetricAndTreatsSilenceAsNotReady() {
        Map<String, Object> a = alarm("BridgeNotReady");
        assertThat(a)
                .containsEntry("Namespace", "WAssist")
                .containsEntry("MetricName", "BridgeReady")
                .containsEntry("Statistic", "Minimum")
                .containsEntry("ComparisonOperator", "LessThanThreshold")
                .containsEntry("Threshold", 1)
                .containsEntry("Period", 60)
                .containsEntry("TreatMissingData", "breaching");
        assertThat(Templates.json(a.get("Dimensions"))).isEqualTo("[{\"Name\":\"Service\",\"Value\":\"bridge\"}]");
        assertNotifies(a);
    }

    @Test
    void bridgeLoggedOutFiresOnlyOnAnExplicitSignal() {
        Map<String, Object> a = alarm("BridgeLoggedOut");
        assertThat(a)
                .containsEntry("Namespace", "WAssist")
                .containsEntry("MetricName", "SessionLoggedOut")
                .containsEntry("Statistic", "Maximum")
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("Threshold", 1)
                .containsEntry("TreatMissingData", "notBreaching");
        assertThat(Templates.json(a.get("Dimensions"))).isEqualTo("[{\"Name\":\"Service\",\"Value\":\"bridge\"}]");
        assertNotifies(a);
    }

    @Test
    void alarmTopicAcceptsTlsOnlyAndMailsTheOperatorWhenAsked() {
        assertThat(Templates.json(obs.findResources("AWS::SNS::TopicPolicy")))
                .contains("\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},\"Effect\":\"Deny\"");
        obs.resourceCountIs("AWS::SNS::Subscription", 0);
        Template mailed =
                TestApps.synth(Map.of("alarmEmail", "ops@example.com")).template("Observability");
        Map<String, Object> sub = Templates.props(Templates.resources(mailed, "AWS::SNS::Subscription")
                .values()
                .iterator()
                .next());
        assertThat(sub).containsEntry("Protocol", "email").containsEntry("Endpoint", "ops@example.com");
    }

    @Test
    void dashboardShowsQueuesRouterBridgeAndDatabase() {
        String body =
                Templates.json(Templates.props(Templates.only(obs, "AWS::CloudWatch::Dashboard", "DashboardOverview")
                                .getValue())
                        .get("DashboardBody"));
        assertThat(body)
                .contains("ApproximateNumberOfMessagesVisible", "Invocations", "BridgeReady", "SessionLoggedOut")
                .contains("RouterErrorReplies")
                .contains("ServerlessDatabaseCapacity");
    }
}
