package org.wassist.aws.sqs;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A long-poll ReceiveMessage sends nothing back until a message arrives or its wait ends: its attempt and call
 * timeouts are the client's plus the wait, so the client's bounds (sized for ordinary calls) never cut a healthy poll.
 */
final class LongPoll {
    private LongPoll() {}

    static Consumer<AwsRequestOverrideConfiguration.Builder> bounds(SqsClient sqs, Duration wait) {
        ClientOverrideConfiguration client = sqs.serviceClientConfiguration().overrideConfiguration();
        return o -> {
            client.apiCallAttemptTimeout().ifPresent(t -> o.apiCallAttemptTimeout(t.plus(wait)));
            client.apiCallTimeout().ifPresent(t -> o.apiCallTimeout(t.plus(wait)));
        };
    }
}
