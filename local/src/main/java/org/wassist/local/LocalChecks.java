package org.wassist.local;

import java.time.Duration;
import java.util.function.Supplier;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.openai.OpenAiModelProbe;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local run's readiness checks, shown on /readyz and on the simulator page: every store a message passes through.
 * Each AWS call is bounded by {@code timeout} (the readiness timeout, which also bounds the check as a whole), so a
 * stand-in that hangs fails its check instead of holding the probe. Details never hold secrets.
 */
final class LocalChecks {
    private LocalChecks() {}

    static ReadinessCheck database(SqlClient sql) {
        return ReadinessCheck.of("database", () -> {
            sql.query("SELECT 1", SqlParams.none());
            return ReadinessCheck.Result.passing("PostgreSQL answers");
        });
    }

    static ReadinessCheck queues(SqsClient sqs, String inboundUrl, String outboundUrl, Duration timeout) {
        return ReadinessCheck.of(
                "queues",
                () -> aws("GetQueueAttributes", () -> {
                    for (String url : new String[] {inboundUrl, outboundUrl}) {
                        sqs.getQueueAttributes(r -> r.queueUrl(url)
                                .attributeNames(QueueAttributeName.QUEUE_ARN)
                                .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
                    }
                    return ReadinessCheck.Result.passing("inbound and outbound queues reachable");
                }));
    }

    /** The idempotency table (DynamoDB): without it, every message fails before it is answered. */
    static ReadinessCheck idempotency(DynamoDbClient dynamoDb, String table, Duration timeout) {
        return ReadinessCheck.of(
                "idempotency",
                () -> aws("DescribeTable", () -> {
                    String status = dynamoDb.describeTable(
                                    r -> r.tableName(table).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
                            .table()
                            .tableStatusAsString();
                    return "ACTIVE".equals(status)
                            ? ReadinessCheck.Result.passing("idempotency table active")
                            : ReadinessCheck.Result.failing("idempotency table " + status);
                }));
    }

    /** The media bucket (S3). */
    static ReadinessCheck media(S3Client s3, String bucket, Duration timeout) {
        return ReadinessCheck.of(
                "media",
                () -> aws("HeadBucket", () -> {
                    s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
                    return ReadinessCheck.Result.passing("media bucket reachable");
                }));
    }

    static ReadinessCheck model(OpenAiModelProbe probe) {
        return ReadinessCheck.of("model", () -> {
            OpenAiModelProbe.Result r = probe.check();
            return r.ready() ? ReadinessCheck.Result.passing(r.detail()) : ReadinessCheck.Result.failing(r.detail());
        });
    }

    /** Runs one AWS probe; an SDK failure fails the check with the AWS error code or the exception's class. */
    private static ReadinessCheck.Result aws(String operation, Supplier<ReadinessCheck.Result> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            String why = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                    ? s.awsErrorDetails().errorCode()
                    : e.getClass().getSimpleName();
            return ReadinessCheck.Result.failing(operation + " failed: " + why);
        }
    }
}
