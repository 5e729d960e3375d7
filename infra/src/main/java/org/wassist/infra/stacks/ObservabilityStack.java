package org.wassist.infra.stacks;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.config.InfraConfig;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Alarms to an SNS topic (optionally e-mailed), and one dashboard. Ten standard alarms: CloudWatch's free ten. The
 * bridge's EMF metrics have one fixed dimension, so they stay within the ten free custom metrics; the router's error
 * replies are an eleventh, published only when there are some. docs/operations.md has the runbook for each alarm.
 */
public final class ObservabilityStack extends Stack {
    /** The bridge's EMF metrics (namespace, dimension and names are a contract with whatsapp-bridge). */
    public static final String NAMESPACE = "WAssist";

    public static final Map<String, String> BRIDGE_DIMENSION = Map.of("Service", "bridge");
    public static final String BRIDGE_READY = "BridgeReady";
    public static final String SESSION_LOGGED_OUT = "SessionLoggedOut";
    /** An inbound message older than this means the router is failing or falling behind. */
    public static final Duration MAX_MESSAGE_AGE = Duration.minutes(5);

    private final Topic topic;
    private final String prefix;

    public ObservabilityStack(
            Construct scope,
            String id,
            StackProps props,
            InfraConfig config,
            MessagingStack messaging,
            FunctionsStack functions,
            BridgeStack bridge,
            DataStack data) {
        super(scope, id, props);
        this.prefix = config.stackPrefix();
        this.topic = alarmTopic(config.alarmEmail());
        queueAlarms(messaging);
        ErrorReplies errorReplies = new ErrorReplies(this, "ErrorReplies", functions.routerLogs());
        routerAlarms(functions, errorReplies);
        bridgeAlarms(bridge);
        new Dashboards(this, "Dashboard", prefix, messaging, functions, errorReplies, bridge, data);
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .value(topic.getTopicArn())
                .build();
    }

    private Topic alarmTopic(@Nullable String email) {
        Topic alarms = Topic.Builder.create(this, "AlarmTopic")
                .displayName(prefix + " alarms")
                .enforceSsl(true)
                .build();
        if (email != null) {
            alarms.addSubscription(new EmailSubscription(email));
        }
        return alarms;
    }

    private void queueAlarms(MessagingStack messaging) {
        dlqAlarm("InboundDlqNotEmpty", messaging.inboundDlq());
        dlqAlarm("OutboundDlqNotEmpty", messaging.outboundDlq());
        ageAlarm("InboundMessagesTooOld", messaging.inbound());
        ageAlarm("OutboundMessagesTooOld", messaging.outbound());
    }

    private void dlqAlarm(String name, Queue dlq) {
        alarm(
                name,
                dlq.metricApproximateNumberOfMessagesVisible(every(5, "Maximum")),
                1,
                1,
                false,
                "A message failed repeatedly and was moved to the dead-letter queue");
    }

    private void ageAlarm(String name, Queue queue) {
        alarm(
                name,
                queue.metricApproximateAgeOfOldestMessage(every(5, "Maximum")),
                MAX_MESSAGE_AGE.toSeconds().doubleValue(),
                1,
                false,
                "The oldest message has waited " + MAX_MESSAGE_AGE.toMinutes().intValue() + " min or more");
    }

    private void routerAlarms(FunctionsStack functions, ErrorReplies errorReplies) {
        var router = functions.router();
        alarm(
                "RouterErrors",
                router.metricErrors(every(5, "Sum")),
                1,
                1,
                false,
                "The router threw or timed out; see its log group");
        alarm(
                "RouterThrottles",
                router.metricThrottles(every(5, "Sum")),
                1,
                1,
                false,
                "The router hit its reserved concurrency; raise routerWorkers");
        alarm(
                "RouterErrorReplies",
                errorReplies.metric(),
                ErrorReplies.THRESHOLD,
                1,
                false,
                "Users were answered with an error code " + ErrorReplies.THRESHOLD + " times or more in "
                        + ErrorReplies.WINDOW.toMinutes().intValue() + " min: model key, model or database");
    }

    private void bridgeAlarms(BridgeStack bridge) {
        alarm(
                "BridgeTaskNotRunning",
                bridge.service().metricCpuUtilization(every(1, "SampleCount")),
                1,
                10,
                true,
                "No bridge task has reported for 10 minutes");
        alarm(
                "BridgeNotReady",
                bridgeMetric(BRIDGE_READY, "Minimum"),
                1,
                10,
                true,
                "The bridge has not been ready (WhatsApp Web connected) for 10 minutes");
        alarm(
                "BridgeLoggedOut",
                bridgeMetric(SESSION_LOGGED_OUT, "Maximum"),
                1,
                5,
                false,
                "The WhatsApp session is logged out; link the device again");
    }

    /**
     * Fires at {@code threshold} or above, or below 1 for the "ready"/"running" metrics ({@code belowOne}). Missing
     * data means the task is not reporting, which counts as a failure for those, and as nothing for the rest.
     */
    private void alarm(String name, IMetric metric, double threshold, int periods, boolean belowOne, String text) {
        Alarm alarm = Alarm.Builder.create(this, name)
                .alarmName(prefix + "-" + name)
                .alarmDescription(text + " (docs/operations.md, Alarms)")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(
                        belowOne
                                ? ComparisonOperator.LESS_THAN_THRESHOLD
                                : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(belowOne ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
    }

    static Metric bridgeMetric(String name, String statistic) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(name)
                .dimensionsMap(BRIDGE_DIMENSION)
                .statistic(statistic)
                .period(Duration.minutes(1))
                .build();
    }

    static MetricOptions every(int minutes, String statistic) {
        return MetricOptions.builder()
                .period(Duration.minutes(minutes))
                .statistic(statistic)
                .build();
    }

    public Topic topic() {
        return topic;
    }
}
