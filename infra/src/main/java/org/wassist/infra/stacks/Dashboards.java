package org.wassist.infra.stacks;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.constructs.AuroraDatabase;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * One dashboard (three are free): queues, router, its error replies, bridge and database capacity on one screen.
 * Reading metrics never touches the database, so the dashboard does not keep Aurora awake.
 */
final class Dashboards extends Construct {
    Dashboards(
            Construct scope,
            String id,
            String prefix,
            MessagingStack messaging,
            FunctionsStack functions,
            ErrorReplies errorReplies,
            BridgeStack bridge,
            DataStack data) {
        super(scope, id);
        Dashboard.Builder.create(this, "Overview")
                .dashboardName(prefix + "-overview")
                .widgets(List.of(
                        queuesAndRouter(messaging, functions.router()),
                        routerAndBridge(functions.router(), bridge),
                        errorsAndDatabase(errorReplies, data.database())))
                .build();
    }

    private static List<IWidget> queuesAndRouter(MessagingStack messaging, Function router) {
        return List.of(
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
    }

    private static List<IWidget> routerAndBridge(Function router, BridgeStack bridge) {
        return List.of(
                graph("Router duration (ms)", router.metricDuration()),
                graph(
                        "Bridge",
                        ObservabilityStack.bridgeMetric(ObservabilityStack.BRIDGE_READY, "Minimum"),
                        ObservabilityStack.bridgeMetric(ObservabilityStack.SESSION_LOGGED_OUT, "Maximum")),
                graph(
                        "Bridge task (%)",
                        bridge.service().metricCpuUtilization(),
                        bridge.service().metricMemoryUtilization()));
    }

    private static List<IWidget> errorsAndDatabase(ErrorReplies errorReplies, @Nullable AuroraDatabase db) {
        List<IWidget> row = new ArrayList<>(List.of(graph("Router error replies", errorReplies.metric())));
        if (db != null) {
            row.add(graph(
                    "Aurora capacity (ACU)",
                    db.cluster().metricServerlessDatabaseCapacity(),
                    db.cluster().metricACUUtilization()));
        }
        return row;
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(8)
                .build();
    }
}
