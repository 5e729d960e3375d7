package org.wassist.infra.stacks;

import java.util.List;
import org.wassist.infra.constructs.AuroraDatabase;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.constructs.Construct;

/**
 * One dashboard (three are free): queues, router, bridge and database capacity on one screen. Reading metrics
 * never touches the database, so the dashboard does not keep Aurora awake.
 */
final class Dashboards extends Construct {
    Dashboards(
            Construct scope,
            String id,
            String prefix,
            MessagingStack messaging,
            FunctionsStack functions,
            BridgeStack bridge,
            DataStack data) {
        super(scope, id);
        var router = functions.router();
        List<IWidget> row1 = List.of(
                graph(
                        "Queue depth",
                        messaging.inbound().metricApproximateNumberOfMessagesVisible(),
                        messaging.outbound().metricApproximateNumberOfMessagesVisible(),
                        messaging.inboundDlq().metricApproximateNumberOfMessagesVisible(),
                        messaging.outboundDlq().metricApproximateNumberOfMessagesVisible()),
                graph(
                        "Oldest message (s)",
                        messaging.inbound().metricApproximateAgeOfOldestMessage(),
                        messaging.outbound().metricApproximateAgeOfOldestMessage()),
                graph("Router", router.metricInvocations(), router.metricErrors(), router.metricThrottles()));
        List<IWidget> row2 = List.of(
                graph("Router duration (ms)", router.metricDuration()),
                graph(
                        "Bridge",
                        ObservabilityStack.bridgeMetric(ObservabilityStack.BRIDGE_READY, "Minimum"),
                        ObservabilityStack.bridgeMetric(ObservabilityStack.SESSION_LOGGED_OUT, "Maximum")),
                graph(
                        "Bridge task (%)",
                        bridge.service().metricCpuUtilization(),
                        bridge.service().metricMemoryUtilization()));
        Dashboard dashboard = Dashboard.Builder.create(this, "Overview")
                .dashboardName(prefix + "-overview")
                .widgets(List.of(row1, row2))
                .build();
        AuroraDatabase db = data.database();
        if (db != null) {
            dashboard.addWidgets(graph(
                    "Aurora capacity (ACU)",
                    db.cluster().metricServerlessDatabaseCapacity(),
                    db.cluster().metricACUUtilization()));
        }
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(8)
                .build();
    }
}
