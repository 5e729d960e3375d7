package org.wassist.router;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.assistant.Assistant;
import org.wassist.assistant.InboundBatch;
import org.wassist.aws.AwsClients;
import org.wassist.aws.dynamodb.DynamoDbProcessedMessages;
import org.wassist.aws.rdsdata.DataApiSettings;
import org.wassist.aws.rdsdata.DataApiSqlClient;
import org.wassist.aws.secrets.AppSecret;
import org.wassist.aws.sqs.SqsOutbox;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.config.Secret;
import org.wassist.observability.Pseudonyms;
import org.wassist.openai.OpenAiChatModel;
import org.wassist.sql.memory.SqlConversationStore;

/**
 * Builds the router's object graph with constructors. INIT (and the SnapStart snapshot) validates the non-secret
 * configuration, so a bad deployment fails at once with every problem listed, and builds the SDK clients; the
 * secret-dependent part (model keys, the pseudonym key) is built on the first invocation, after any restore, so the
 * snapshot never holds secrets.
 */
final class RouterWiring {
    private static final Logger LOG = LoggerFactory.getLogger(RouterWiring.class);
    static final int DEFAULT_MAX_RECEIVES = 5;

    private final Map<String, String> env;
    private final AwsClients aws;
    private final Clock clock;
    private volatile @Nullable InboundBatch batch;

    RouterWiring(Map<String, String> env, AwsClients aws, Clock clock) {
        this.env = Map.copyOf(env);
        this.aws = aws;
        this.clock = clock;
    }

    static RouterWiring fromEnvironment() {
        Map<String, String> env = System.getenv();
        ConfigLoader.load(env, Profile.ROUTER);
        AwsClients aws = AwsClients.fromEnvironment(env);
        aws.sqs();
        aws.dynamoDb();
        aws.rdsData();
        aws.secretsManager();
        warmModelClient();
        return new RouterWiring(env, aws, Clock.systemUTC());
    }

    /** Loads the model client's classes without a key or network: a throwaway client for an unroutable address. */
    static void warmModelClient() {
        AppConfig.Model dummy = new AppConfig.Model(
                List.of(new Secret("warm-up-only")),
                URI.create("http://127.0.0.1:9/v1"),
                "gpt-4o-mini",
                Duration.ofSeconds(1),
                0,
                Duration.ofSeconds(1));
        try (OpenAiChatModel model = new OpenAiChatModel(dummy)) {
            model.warmUp();
        }
    }

    InboundBatch batch() {
        InboundBatch b = batch;
        if (b == null) {
            synchronized (this) {
                b = batch;
                if (b == null) {
                    b = build();
                    batch = b;
                }
            }
        }
        return b;
    }

    private InboundBatch build() {
        Map<String, String> settings = new HashMap<>(env);
        String secretArn = env.get("APP_SECRET_ARN");
        if (secretArn != null && !secretArn.isBlank()) {
            settings.putAll(AppSecret.load(aws.secretsManager(), secretArn));
        }
        AppConfig config = ConfigLoader.load(settings, Profile.ROUTER);
        if (!config.model().missing().isEmpty()) {
            LOG.warn("no model key configured: users get E103 until the application secret holds OPENAI_API_KEYS");
        }
        AppConfig.Infra infra = config.infra();
        DataApiSqlClient sql = new DataApiSqlClient(
                aws.rdsData(),
                new DataApiSettings(
                        infra.require("DB_CLUSTER_ARN"),
                        infra.require("DB_SECRET_ARN"),
                        infra.get("DB_NAME").orElse("wassist")));
        Assistant assistant = Assistant.create(
                config,
                new Assistant.Ports(
                        new DynamoDbProcessedMessages(aws.dynamoDb(), infra.require("IDEMPOTENCY_TABLE")),
                        new SqlConversationStore(sql),
                        new OpenAiChatModel(config.model(), clock),
                        new SqsOutbox(aws.sqs(), infra.require("OUTBOUND_QUEUE_URL")),
                        clock),
                pseudonyms(config));
        return new InboundBatch(assistant, maxReceives(infra));
    }

    private static Pseudonyms pseudonyms(AppConfig config) {
        Secret key = config.pseudonymKey();
        return key == null
                ? Pseudonyms.ephemeral()
                : new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }

    private static int maxReceives(AppConfig.Infra infra) {
        try {
            return infra.get("INBOUND_MAX_RECEIVES").map(Integer::parseInt).orElse(DEFAULT_MAX_RECEIVES);
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_RECEIVES;
        }
    }
}
