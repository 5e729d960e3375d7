package org.wassist.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.wassist.aws.dynamodb.DynamoDbProcessedMessages;
import org.wassist.aws.sqs.SqsOutboundQueue;
import org.wassist.aws.sqs.SqsOutbox;
import org.wassist.config.AppConfig.AwsTimeouts;
import org.wassist.message.OutboundCommand;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.standins.sqs.ElasticMq;
import org.wassist.testkit.net.SilentServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;

/**
 * The call bounds of {@link AwsClients} against a service that never answers: calls fail with the SDK's timeout
 * exceptions, which the adapters report as transient failures naming the operation; and a long poll, which is silent
 * by design, is not cut by bounds shorter than its wait.
 */
class AwsTimeoutsIT {
    static final SilentServer SILENT = SilentServer.start();
    static final String QUEUE = "http://127.0.0.1/000000000000/never-answers.fifo";

    @AfterAll
    static void stop() {
        SILENT.close();
    }

    private static AwsClients silent(AwsTimeouts timeouts) {
        return AwsClients.withEndpoints(
                Region.US_EAST_1,
                AwsBasicCredentials.create("a", "b"),
                new AwsClients.Endpoints(SILENT.endpoint(), SILENT.endpoint(), SILENT.endpoint()),
                timeouts);
    }

    private static AwsTimeouts bounds(Duration call, Duration attempt) {
        return new AwsTimeouts(call, attempt, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Test
    void aCallToAServiceThatNeverAnswersEndsAtTheCallTimeout() {
        try (AwsClients aws = silent(bounds(Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            Throwable thrown = catchThrowable(() -> aws.sqs().getQueueAttributes(b -> b.queueUrl(QUEUE)));

            assertThat(thrown).isInstanceOf(ApiCallTimeoutException.class);
            assertThat(SILENT.connections()).isPositive();
        }
    }

    @Test
    void eachAttemptEndsAtTheAttemptTimeoutAndTheRetriesGiveUp() {
        try (AwsClients aws = silent(bounds(Duration.ofSeconds(60), Duration.ofMillis(300)))) {
            Throwable thrown = catchThrowable(() -> aws.dynamoDb().describeTable(b -> b.tableName("t")));

            assertThat(thrown).isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void theAdaptersReportATimeoutAsATransientFailureNamingTheOperation() {
        try (AwsClients aws = silent(bounds(Duration.ofSeconds(1), Duration.ofMillis(500)))) {
            Throwable send = catchThrowable(() -> new SqsOutbox(aws.sqs(), QUEUE)
                    .send(new OutboundCommand.SendText("m#1", "4915100000001@c.us", "hi", null, List.of())));
            Throwable claim = catchThrowable(() -> new DynamoDbProcessedMessages(aws.dynamoDb(), "t")
                    .claim("k", Instant.EPOCH, Duration.ofMinutes(1)));

            assertThat(send)
                    .isInstanceOfSatisfying(
                            Failure.Transient.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.INTERNAL))
                    .hasMessageStartingWith("SQS SendMessage to the outbound queue failed: ApiCall")
                    .hasMessageContaining("TimeoutException")
                    .hasNoCause();
            assertThat(claim)
                    .isInstanceOf(Failure.Transient.class)
                    .hasMessageStartingWith("DynamoDB PutItem (claim) failed: ApiCall")
                    .hasMessageContaining("TimeoutException");
        }
    }

    @Test
    void aLongPollIsNotCutByBoundsShorterThanItsWait() {
        try (ElasticMq mq = ElasticMq.start();
                AwsClients aws = AwsClients.withEndpoints(
                        Region.US_EAST_1,
                        AwsBasicCredentials.create("a", "b"),
                        new AwsClients.Endpoints(mq.endpoint(), null, null),
                        bounds(Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            SqsOutboundQueue queue = new SqsOutboundQueue(aws.sqs(), mq.outboundQueueUrl());

            assertThat(queue.receive(10, Duration.ofSeconds(3))).isEmpty();
        }
    }
}
