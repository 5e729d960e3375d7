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
import org.wassist.memory.JtokkitTokenCounter;
import org.wassist.memory.TokenCounter;
import org.wassist.observability.Pseudonyms;
import org.wassist.openai.OpenAiChatModel;
import org.wassist.sql.memory.SqlConversationStore;

/**
 * Builds the router's object graph with constructors, in stages.
 *
 * <p>INIT ({@link #create}) does only what every invocation needs and what is the same in every environment: it
 * validates the non-secret configuration, so a bad deployment fails at once with every problem listed, and builds the
 * SDK clients (no call is made, so no credentials are resolved). No network call, nothing unique.
 *
 * <p>Before a SnapStart snapshot, {@link #warmUp} also loads the configured model's tokenizer tables and the model
 * client's classes, which on-demand environments load during their first invocation instead (keeping INIT short).
 *
 * <p>The first invocation ({@link #batch}, after any restore) reads the app secret (model keys, the pseudonym key) and
 * builds the adapters, so a snapshot never holds a secret, and a pseudonym key generated for want of a configured one
 * is unique to its environment.
 */
final class RouterWiring {
    private static final Logger LOG = LoggerFactory.getLogger(RouterWiring.class);
    static final int DEFAULT_MAX_RECEIVES = 5;

    private final Map<String, String> env;
    private final AwsClients aws;
    private final String modelName;
    private final Clock clock;
    private @Nullable TokenCounter tokens;
    private volatile @Nullable InboundBatch batch;

    private RouterWiring(Map<String, String> env, AwsClients aws, String modelName, Clock clock) {
        this.env = Map.copyOf(env);
        this.aws = aws;
        this.modelName = modelName;
        this.clock = clock;
    }

    /** The Lambda function's wiring: the process environment and SDK clients for it, bounded as configured. */
    static RouterWiring fromEnvironment() {
        Map<String, String> env = System.getenv();
        AppConfig config = ConfigLoader.load(env, Profile.ROUTER);
        return create(env, config, AwsClients.fromEnvironment(env, config.awsTimeouts()));
    }

    /**
     * INIT over the given settings and clients.
     *
     * @throws org.wassist.config.ConfigException listing every invalid or missing setting
     */
    static RouterWiring create(Map<String, String> env, AwsClients aws) {
        return create(env, ConfigLoader.load(env, Profile.ROUTER), aws);
    }

    private static RouterWiring create(Map<String, String> env, AppConfig config, AwsClients aws) {
        aws.sqs();
        aws.dynamoDb();
        aws.rdsData();
        aws.secretsManager();
        return new RouterWiring(env, aws, config.model().name(), Clock.systemUTC());
    }

    /** Loads what the first invocation would otherwise load: the tokenizer tables and the model client's classes. */
    void warmUp() {
        tokens();
        warmModelClient();
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

    /** The configured model's token counter, loaded on first use; shared by priming and the pipeline. */
    synchronized TokenCounter tokens() {
        TokenCounter t = tokens;
        if (t == null) {
            t = JtokkitTokenCounter.forModel(modelName);
            tokens = t;
        }
        return t;
    }

    /** Whether the first invocation has built the pipeline yet. */
    boolean built() {
        return batch != null;
    }

    /** The pipeline over the real adapters, built on first use. */
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
        AppConfig config = ConfigLoader.load(withAppSecret(), Profile.ROUTER);
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
        Assistant.Ports ports = new Assistant.Ports(
                new DynamoDbProcessedMessages(aws.dynamoDb(), infra.require("IDEMPOTENCY_TABLE")),
                new SqlConversationStore(sql),
                new OpenAiChatModel(config.model(), clock),
                new SqsOutbox(aws.sqs(), infra.require("OUTBOUND_QUEUE_URL")),
                clock);
        return assemble(config, ports, pseudonyms(config), tokens());
    }

    /** The environment plus the app secret's entries ({@code APP_SECRET_ARN}), which win. */
    private Map<String, String> withAppSecret() {
        Map<String, String> settings = new HashMap<>(env);
        String secretArn = env.get("APP_SECRET_ARN");
        if (secretArn != null && !secretArn.isBlank()) {
            settings.putAll(AppSecret.load(aws.secretsManager(), secretArn));
        }
        return settings;
    }

    /** The router's batch processor over any ports: the production assembly, also used by tests with fakes. */
    static InboundBatch assemble(AppConfig config, Assistant.Ports ports, Pseudonyms pseudonyms, TokenCounter tokens) {
        return new InboundBatch(Assistant.create(config, ports, pseudonyms, tokens), maxReceives(config.infra()));
    }

    /** With no configured key, a key of this environment only: generated after any restore, never in a snapshot. */
    private static Pseudonyms pseudonyms(AppConfig config) {
        Secret key = config.pseudonymKey();
        return key == null
                ? Pseudonyms.ephemeral()
                : new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code INBOUND_MAX_RECEIVES}, validated by {@link ConfigLoader}: the queue's maxReceiveCount. */
    static int maxReceives(AppConfig.Infra infra) {
        return infra.get("INBOUND_MAX_RECEIVES").map(Integer::parseInt).orElse(DEFAULT_MAX_RECEIVES);
    }
}
