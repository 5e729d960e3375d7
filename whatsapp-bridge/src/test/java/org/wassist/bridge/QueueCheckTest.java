package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.testkit.time.MutableClock;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class QueueCheckTest {
    private static final String URL = "https://sqs.us-east-1.amazonaws.com/000000000000/wassist-inbound.fifo";

    /** SQS at the SDK edge: answers GetQueueAttributes, or fails while told to; every other call is unsupported. */
    private static final class FakeSqs implements SqsClient {
        final List<GetQueueAttributesRequest> requests = new ArrayList<>();
        boolean reachable = true;

        @Override
        public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
            requests.add(request);
            if (!reachable) {
                throw QueueDoesNotExistException.builder().message("gone").build();
            }
            return GetQueueAttributesResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    private final MutableClock clock = new MutableClock();
    private final FakeSqs sqs = new FakeSqs();
    private final QueueCheck check = new QueueCheck("inbound-queue", sqs, URL, Duration.ofSeconds(3), clock);

    @Test
    void probesTheQueueWithTheReadinessTimeout() {
        assertThat(check.check()).isEqualTo(ReadinessCheck.Result.passing("reachable"));

        assertThat(sqs.requests).singleElement().satisfies(r -> {
            assertThat(r.queueUrl()).isEqualTo(URL);
            assertThat(r.overrideConfiguration().orElseThrow().apiCallTimeout()).contains(Duration.ofSeconds(3));
        });
    }

    @Test
    void anUnreachableQueueFailsTheCheckNamingOnlyTheErrorClass() {
        sqs.reachable = false;

        assertThat(check.check()).isEqualTo(ReadinessCheck.Result.failing("unreachable: QueueDoesNotExistException"));
    }

    @Test
    void anAnswerIsReusedForTheTtlThenProbedAgain() {
        check.check();
        sqs.reachable = false;
        clock.advance(QueueCheck.TTL.minusMillis(1));
        assertThat(check.check().ok()).as("still the cached answer").isTrue();
        assertThat(sqs.requests).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(check.check().ok()).isFalse();
        assertThat(sqs.requests).hasSize(2);
    }
}
