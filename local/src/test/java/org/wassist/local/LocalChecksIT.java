package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.wassist.aws.AwsClients;
import org.wassist.bridge.http.Readiness;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.standins.LoopbackPorts;
import org.wassist.standins.StandIns;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.testkit.net.SilentServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The idempotency-table and media-bucket checks of the local run against the real stand-ins, a port where nothing
 * listens and a server that never answers, evaluated the way /readyz evaluates them.
 */
class LocalChecksIT {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final SilentServer SILENT = SilentServer.start();

    @AfterAll
    static void stop() {
        SILENT.close();
    }

    private static AwsClients clients(URI dynamoDb, URI s3) {
        return AwsClients.withEndpoints(
                Region.of(StandIns.REGION),
                AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                new AwsClients.Endpoints(null, dynamoDb, s3));
    }

    private static Readiness.Report evaluate(AwsClients aws, String table, String bucket) {
        List<ReadinessCheck> checks = List.of(
                LocalChecks.idempotency(aws.dynamoDb(), table, TIMEOUT), LocalChecks.media(aws.s3(), bucket, TIMEOUT));
        return new Readiness(checks, TIMEOUT.plusSeconds(2)).evaluate();
    }

    @Test
    void theStandInsPass() {
        try (AwsClients aws =
                clients(StandIns.dynamodb().endpoint(), StandIns.s3().endpoint())) {
            Readiness.Report report = evaluate(aws, Dynalite.IDEMPOTENCY_TABLE, S3Proxy.MEDIA_BUCKET);

            assertThat(report.failing()).isEmpty();
            assertThat(report.checks()).extracting(Readiness.Entry::name).containsExactly("idempotency", "media");
        }
    }

    @Test
    void nothingListeningFailsBothByName() {
        URI dead = URI.create("http://127.0.0.1:" + LoopbackPorts.free());
        try (AwsClients aws = clients(dead, dead)) {
            Readiness.Report report = evaluate(aws, Dynalite.IDEMPOTENCY_TABLE, S3Proxy.MEDIA_BUCKET);

            // Refused connections are retried (DynamoDB's client retries more often than S3's), so a check ends on
            // the refusal or on its time limit, whichever comes first; either way the part is named.
            assertThat(report.ready()).isFalse();
            assertThat(report.failing())
                    .satisfiesExactly(
                            idempotency -> assertThat(idempotency)
                                    .matches("idempotency: DescribeTable failed: (SdkClientException"
                                            + "|ApiCallTimeoutException)"),
                            media -> assertThat(media)
                                    .matches("media: HeadBucket failed: (SdkClientException|ApiCallTimeoutException)"));
        }
    }

    @Test
    void aStandInThatNeverAnswersFailsWithinTheCheckTimeout() {
        try (AwsClients aws = clients(SILENT.endpoint(), SILENT.endpoint())) {
            Readiness.Report report = evaluate(aws, Dynalite.IDEMPOTENCY_TABLE, S3Proxy.MEDIA_BUCKET);

            assertThat(report.failing())
                    .containsExactly(
                            "idempotency: DescribeTable failed: ApiCallTimeoutException",
                            "media: HeadBucket failed: ApiCallTimeoutException");
        }
    }

    @Test
    void aMissingTableOrBucketIsNamed() {
        try (AwsClients aws =
                clients(StandIns.dynamodb().endpoint(), StandIns.s3().endpoint())) {
            Readiness.Report report = evaluate(aws, "no-such-table", "no-such-bucket");

            assertThat(report.failing())
                    .containsExactly(
                            "idempotency: DescribeTable failed: ResourceNotFoundException",
                            "media: HeadBucket failed: NoSuchBucket");
        }
    }
}
