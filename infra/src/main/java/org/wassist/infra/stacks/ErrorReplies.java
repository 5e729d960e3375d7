package org.wassist.infra.stacks;

import org.wassist.infra.constructs.FifoQueueWithDlq;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Unit;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.JsonPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * Counts the router's error replies that point at the assistant's side: a model that refuses every request or has no
 * key (E102, E103), a failure that lasted through every delivery of a message (E101 model unavailable, E900 database or
 * idempotency table). Such replies are answered and acknowledged, so no invocation fails and no message reaches the DLQ.
 *
 * <p>The count comes from the router's JSON log lines (shared/logging), through a metric filter on its log group. The
 * pipeline's outermost step, {@code org.wassist.pipeline.ErrorBoundary}, logs {@code permanent failure code=…} for a
 * failure it always answers, and {@code transient failure code=… attempt=N cause=…} or
 * {@code unexpected failure attempt=N cause=…} for one it answers only on the last delivery. The
 * {@code message processed outcome=rejected:E…} lines of {@code Observe} are not counted: that step runs inside the
 * boundary and sees only the refusals users cause themselves (no permission, empty prompt, file too large).
 * ObservabilityStackTest checks these texts against ErrorBoundary's source.
 *
 * <p>No data when nothing matches, so an idle month publishes no value of this metric.
 */
final class ErrorReplies extends Construct {
    static final String METRIC = "RouterErrorReplies";
    static final String LOGGER = "org.wassist.pipeline.ErrorBoundary";
    /** How long the alarm counts error replies, and how many in that time make it fire. */
    static final Duration WINDOW = Duration.minutes(15);

    static final int THRESHOLD = 3;

    private final Metric metric;

    ErrorReplies(Construct scope, String id, ILogGroup routerLogs) {
        super(scope, id);
        MetricFilter filter = MetricFilter.Builder.create(this, "Filter")
                .logGroup(routerLogs)
                .filterPattern(pattern())
                .metricNamespace(ObservabilityStack.NAMESPACE)
                .metricName(METRIC)
                .metricValue("1")
                .unit(Unit.COUNT)
                .build();
        this.metric = filter.metric(
                MetricOptions.builder().statistic("Sum").period(WINDOW).build());
    }

    /**
     * ErrorBoundary's lines for an answered failure. CloudWatch's regular expressions allow no spaces, so {@code .}
     * stands for one; the last delivery is the queue's maximum receive count, which the router gets as
     * INBOUND_MAX_RECEIVES.
     */
    static JsonPattern pattern() {
        return FilterPattern.all(
                FilterPattern.stringValue("$.logger", "=", LOGGER),
                FilterPattern.any(
                        FilterPattern.regexValue("$.message", "=", "^permanent.failure.code="),
                        FilterPattern.regexValue(
                                "$.message", "=", "attempt=" + FifoQueueWithDlq.MAX_RECEIVE_COUNT + ".cause=")));
    }

    Metric metric() {
        return metric;
    }
}
