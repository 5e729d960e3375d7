package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.http.ReadinessCheck;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Readiness of one SQS queue: GetQueueAttributes (its ARN) answers within the timeout. An idle bridge publishes and
 * receives nothing that would notice an unreachable queue, so the probe asks. Its answer is kept for {@code ttl}, so
 * that /readyz and the metrics tick together call SQS at most once per queue and ttl.
 */
public final class QueueCheck implements ReadinessCheck {
    /** How long an answer is reused. */
    public static final Duration TTL = Duration.ofSeconds(10);

    private final String name;
    private final SqsClient sqs;
    private final String url;
    private final Duration timeout;
    private final Clock clock;
    private @Nullable Result last;
    private Instant lastAt = Instant.MIN;

    /**
     * @param timeout the SDK's whole-call timeout (retries included) of one probe
     */
    public QueueCheck(String name, SqsClient sqs, String url, Duration timeout, Clock clock) {
        this.name = name;
        this.sqs = sqs;
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** Synchronized: callers at the same moment share one probe. */
    @Override
    public synchronized Result check() {
        Instant now = clock.instant();
        Result cached = last;
        if (cached != null && now.isBefore(lastAt.plus(TTL))) {
            return cached;
        }
        Result fresh = probe();
        last = fresh;
        lastAt = now;
        return fresh;
    }

    private Result probe() {
        try {
            sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
            return Result.passing("reachable");
        } catch (RuntimeException e) {
            return Result.failing("unreachable: " + e.getClass().getSimpleName());
        }
    }
}
