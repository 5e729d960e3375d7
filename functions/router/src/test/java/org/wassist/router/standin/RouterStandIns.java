package org.wassist.router.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.aws.AwsClients;
import org.wassist.aws.rdsdata.DataApiSettings;
import org.wassist.aws.rdsdata.DataApiSqlClient;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.sql.migration.Migrations;
import org.wassist.standins.dataapi.DataApiServer;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Everything the deployed router talks to, on loopback and private to one user (its own ElasticMQ, dynalite and
 * database, so tests and benchmark runs never see each other's idempotency records or outbound deduplication): the
 * outbound FIFO queue, the idempotency table, Aurora through the Data API (a fresh database migrated with the
 * project's migrations), the app secret in Secrets Manager, and the model ({@link FakeOpenAi}, echoing).
 */
public final class RouterStandIns implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = AwsClients.LOCAL_ACCESS_KEY;
    public static final String SECRET_KEY = AwsClients.LOCAL_SECRET_KEY;
    public static final String APP_SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:wassist-app-AbCdEf";
    public static final DataApiSettings DATABASE = new DataApiSettings(
            "arn:aws:rds:us-east-1:000000000000:cluster:wassist",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:wassist-db-AbCdEf",
            "wassist");
    /** The model keys in the app secret. */
    public static final List<String> API_KEYS =
            List.of("sk-routertest-first-key-0123456789", "sk-routertest-second-key-0123456789");

    public static final String PSEUDONYM_KEY = "routertest-pseudonym-key-0123456789";

    private final List<AutoCloseable> started;
    private final ElasticMq sqs;
    private final Dynalite dynamodb;
    private final DataApiServer dataApi;
    private final FakeOpenAi openai;
    private final SecretsManagerStub secrets;
    private final AwsClients aws;

    private RouterStandIns(
            List<AutoCloseable> started,
            ElasticMq sqs,
            Dynalite dynamodb,
            DataApiServer dataApi,
            FakeOpenAi openai,
            SecretsManagerStub secrets,
            AwsClients aws) {
        this.started = started;
        this.sqs = sqs;
        this.dynamodb = dynamodb;
        this.dataApi = dataApi;
        this.openai = openai;
        this.secrets = secrets;
        this.aws = aws;
    }

    /** Starts them all (about 2 s) and migrates the database through the Data API. */
    public static RouterStandIns start() {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            ElasticMq sqs = add(started, ElasticMq.start());
            Dynalite dynamodb = add(started, Dynalite.inMemory());
            TestDatabase db = add(started, TestDatabases.create());
            DataApiServer dataApi = add(started, DataApiServer.start(db.jdbcUrl()));
            FakeOpenAi openai = add(started, FakeOpenAi.start());
            SecretsManagerStub secrets = add(started, SecretsManagerStub.start(Map.of(APP_SECRET_ARN, appSecret())));
            AwsClients aws = add(
                    started,
                    AwsClients.withEndpoints(
                            Region.of(REGION),
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY),
                            new AwsClients.Endpoints(
                                    sqs.endpoint(),
                                    dynamodb.endpoint(),
                                    null,
                                    dataApi.endpoint(),
                                    secrets.endpoint())));
            new Migrations(new DataApiSqlClient(aws.rdsData(), DATABASE)).migrate();
            return new RouterStandIns(started, sqs, dynamodb, dataApi, openai, secrets, aws);
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    /** The app secret as the operator stores it: the model keys and the log pseudonym key. */
    static String appSecret() {
        return MessageCodec.mapper()
                .createObjectNode()
                .put("OPENAI_API_KEYS", String.join(",", API_KEYS))
                .put("LOG_PSEUDONYM_KEY", PSEUDONYM_KEY)
                .toString();
    }

    /** The function's configuration as the deployment sets it, pointing at these stand-ins. */
    public Map<String, String> settings() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("OUTBOUND_QUEUE_URL", sqs.outboundQueueUrl());
        env.put("IDEMPOTENCY_TABLE", Dynalite.IDEMPOTENCY_TABLE);
        env.put("DB_CLUSTER_ARN", DATABASE.clusterArn());
        env.put("DB_SECRET_ARN", DATABASE.secretArn());
        env.put("DB_NAME", DATABASE.database());
        env.put("APP_SECRET_ARN", APP_SECRET_ARN);
        env.put("INBOUND_MAX_RECEIVES", Integer.toString(ElasticMq.MAX_RECEIVE_COUNT));
        env.put("OPENAI_BASE_URL", openai.baseUrl().toString());
        return env;
    }

    /**
     * What a Lambda process needs on top of {@link #settings()}: the SDK's per-service endpoint variables for the
     * stand-ins and static credentials (Lambda injects the function role's).
     */
    public Map<String, String> lambdaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(settings());
        env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamodb.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_RDS_DATA", dataApi.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return env;
    }

    /** SDK clients for these stand-ins; closed with them. */
    public AwsClients aws() {
        return aws;
    }

    public DataApiServer dataApi() {
        return dataApi;
    }

    /** How many items the idempotency table holds (a scan; the tests' tables are small). */
    public int idempotencyRecords() {
        return aws.dynamoDb().scan(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)).count();
    }

    public FakeOpenAi openai() {
        return openai;
    }

    public SecretsManagerStub secrets() {
        return secrets;
    }

    /**
     * Takes what arrives on the outbound queue, deleting it, until {@code expected} commands came or {@code wait}
     * passed; with {@code expected} 0 it listens the whole time (to show nothing arrives).
     */
    public List<OutboundCommand> takeReplies(int expected, Duration wait) {
        List<OutboundCommand> got = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && (expected == 0 || got.size() < expected)) {
            for (Message m : aws.sqs()
                    .receiveMessage(b -> b.queueUrl(sqs.outboundQueueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1))
                    .messages()) {
                got.add(MessageCodec.decodeCommand(m.body()));
                aws.sqs().deleteMessage(b -> b.queueUrl(sqs.outboundQueueUrl()).receiptHandle(m.receiptHandle()));
            }
        }
        return got;
    }

    @Override
    public void close() {
        closeAll(started, null);
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T resource) {
        started.add(resource);
        return resource;
    }

    /** Closes in reverse order of starting; failures are added to {@code cause}, or thrown together at the end. */
    private static void closeAll(List<AutoCloseable> started, @Nullable Throwable cause) {
        IllegalStateException failed = new IllegalStateException("stopping the stand-ins failed");
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                (cause != null ? cause : failed).addSuppressed(e);
            }
        }
        started.clear();
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }
}
