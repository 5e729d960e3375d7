package org.wassist.infra.stacks;

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
 * pipeline's {@code org.wassist.pipeline.Observe} step logs exactly one {@code message processed outcome=… decision=…}
 * line per delivery; {@code decision=answer} marks a failure the error boundary answered with its code (at once for a
 * permanent one, on the last delivery for a transient one or a bug). Refusals users cause themselves (no permission,
 * empty prompt, file too large) are outcomes, not failures ({@code decision=done}), and are not counted.
 * ObservabilityStackTest checks these texts against the pipeline's source.
 *
 * <p>No data when nothing matches, so an idle month publishes no value of this metric.
 */
final class ErrorReplies extends Construct {
    static final String METRIC = "RouterErrorReplies";
    static final String LOGGER = "org.wassist.pipeline.Observe";
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

    /** Observe's outcome line of a failure the error boundary answered with its code. */
    static JsonPattern pattern() {
        return FilterPattern.all(
                FilterPattern.stringValue("$.logger", "=", LOGGER),
                FilterPattern.regexValue("$.message", "=", "decision=answer"));
    }

    Metric metric() {
        return metric;
    }
}
