package org.wassist.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.config.AppConfig.AwsTimeouts;
import org.wassist.config.ConfigLoader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients a process asks for, once each, on one shared HTTP client (the apache5 client, chosen by
 * measurement: docs/adr/0002-sdk-http-client.md). Build it in static or constructor scope so that cold starts and
 * SnapStart snapshots include the work.
 *
 * <p>In AWS: region from {@code AWS_REGION}, credentials from the default chain. Against stand-ins: the SDK itself
 * honours {@code AWS_ENDPOINT_URL} and the per-service {@code AWS_ENDPOINT_URL_SQS}, {@code
 * AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_S3} (the stand-ins run on three ports, so the local run sets the
 * per-service ones); when any of them is set this class also switches S3 to path-style addressing and uses static
 * credentials ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, else the stand-ins' fixed local pair). Tests
 * pass endpoints explicitly with {@link #withEndpoints}.
 *
 * <p>Every call is bounded ({@link AwsTimeouts}: whole call, one attempt, connect, socket), so an AWS service that stops
 * answering fails the call with the SDK's {@code ApiCallTimeoutException} or {@code ApiCallAttemptTimeoutException}
 * (the adapters turn them into a transient failure) instead of holding the message until the function's own timeout.
 * A long poll extends its attempt by its wait ({@link org.wassist.aws.sqs.SqsOutboundQueue#receive}).
 */
public final class AwsClients implements AutoCloseable {
    /** The credentials every stand-in accepts (s3proxy checks them). */
    public static final String LOCAL_ACCESS_KEY = "wassist-local";

    public static final String LOCAL_SECRET_KEY = "wassist-local-secret";

    /** Explicit endpoints; a null one means the SDK's own resolution. */
    public record Endpoints(
            @Nullable URI sqs,
            @Nullable URI dynamoDb,
            @Nullable URI s3,
            @Nullable URI rdsData,
            @Nullable URI secretsManager) {
        public static final Endpoints DEFAULT = new Endpoints(null, null, null, null, null);

        /** The three stand-ins of the local run and most tests. */
        public Endpoints(@Nullable URI sqs, @Nullable URI dynamoDb, @Nullable URI s3) {
            this(sqs, dynamoDb, s3, null, null);
        }
    }

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Endpoints endpoints;
    private final boolean pathStyle;
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration bounds;
    private @Nullable SqsClient sqs;
    private @Nullable DynamoDbClient dynamoDb;
    private @Nullable S3Client s3;
    private @Nullable RdsDataClient rdsData;
    private @Nullable SecretsManagerClient secretsManager;
    private final List<SdkAutoCloseable> built = new ArrayList<>();

    private AwsClients(
            Region region,
            AwsCredentialsProvider credentials,
            Endpoints endpoints,
            boolean pathStyle,
            AwsTimeouts timeouts) {
        this.region = region;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.pathStyle = pathStyle;
        this.http = Apache5HttpClient.builder()
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.socket())
                .build();
        this.bounds = ClientOverrideConfiguration.builder()
                .apiCallTimeout(timeouts.call())
                .apiCallAttemptTimeout(timeouts.attempt())
                .build();
    }

    /** From the process environment. */
    public static AwsClients fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * From the given environment (as {@link System#getenv()}), the call bounds included ({@code AWS_*_TIMEOUT_SECONDS});
     * fails clearly without {@code AWS_REGION} or with an invalid bound.
     */
    public static AwsClients fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, ConfigLoader.awsTimeouts(env));
    }

    /** From the given environment, with call bounds already read (as {@link org.wassist.config.AppConfig}'s). */
    public static AwsClients fromEnvironment(Map<String, String> env, AwsTimeouts timeouts) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: set it to the deployment's region, e.g. eu-west-1");
        }
        boolean standIns = env.keySet().stream().anyMatch(k -> k.startsWith("AWS_ENDPOINT_URL"));
        AwsCredentialsProvider credentials = standIns
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.getOrDefault("AWS_ACCESS_KEY_ID", LOCAL_ACCESS_KEY),
                        env.getOrDefault("AWS_SECRET_ACCESS_KEY", LOCAL_SECRET_KEY)))
                : DefaultCredentialsProvider.builder().build();
        return new AwsClients(Region.of(region), credentials, Endpoints.DEFAULT, standIns, timeouts);
    }

    /** Explicit endpoints and static credentials: stand-ins in tests and benchmarks. S3 uses path-style. */
    public static AwsClients withEndpoints(Region region, AwsBasicCredentials credentials, Endpoints endpoints) {
        return withEndpoints(region, credentials, endpoints, AwsTimeouts.DEFAULTS);
    }

    /** {@link #withEndpoints(Region, AwsBasicCredentials, Endpoints)} with these call bounds. */
    public static AwsClients withEndpoints(
            Region region, AwsBasicCredentials credentials, Endpoints endpoints, AwsTimeouts timeouts) {
        return new AwsClients(region, StaticCredentialsProvider.create(credentials), endpoints, true, timeouts);
    }

    public synchronized SqsClient sqs() {
        SqsClient c = sqs;
        if (c == null) {
            c = build(SqsClient.builder(), endpoints.sqs());
            sqs = c;
        }
        return c;
    }

    public synchronized DynamoDbClient dynamoDb() {
        DynamoDbClient c = dynamoDb;
        if (c == null) {
            c = build(DynamoDbClient.builder(), endpoints.dynamoDb());
            dynamoDb = c;
        }
        return c;
    }

    public synchronized S3Client s3() {
        S3Client c = s3;
        if (c == null) {
            c = build(S3Client.builder().forcePathStyle(pathStyle), endpoints.s3());
            s3 = c;
        }
        return c;
    }

    /** The RDS Data API client (Aurora through HTTPS; functions run outside the VPC). */
    public synchronized RdsDataClient rdsData() {
        RdsDataClient c = rdsData;
        if (c == null) {
            c = build(RdsDataClient.builder(), endpoints.rdsData());
            rdsData = c;
        }
        return c;
    }

    public synchronized SecretsManagerClient secretsManager() {
        SecretsManagerClient c = secretsManager;
        if (c == null) {
            c = build(SecretsManagerClient.builder(), endpoints.secretsManager());
            secretsManager = c;
        }
        return c;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
            B builder, @Nullable URI endpoint) {
        builder.region(region).credentialsProvider(credentials).httpClient(http).overrideConfiguration(bounds);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        C client = builder.build();
        built.add(client);
        return client;
    }

    /** Closes the clients built and the shared HTTP client. */
    @Override
    public synchronized void close() {
        built.forEach(SdkAutoCloseable::close);
        built.clear();
        http.close();
    }
}
