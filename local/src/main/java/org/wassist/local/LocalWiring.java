package org.wassist.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.assistant.Assistant;
import org.wassist.assistant.InboundBatch;
import org.wassist.aws.AwsClients;
import org.wassist.aws.dynamodb.DynamoDbProcessedMessages;
import org.wassist.aws.s3.S3MediaStore;
import org.wassist.aws.sqs.SqsInboundPublisher;
import org.wassist.aws.sqs.SqsOutboundQueue;
import org.wassist.aws.sqs.SqsOutbox;
import org.wassist.bridge.BridgeApp;
import org.wassist.bridge.BridgeSettings;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.channel.Channel;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;
import org.wassist.inbound.InboundPublisher;
import org.wassist.jdbc.FlywayMigrations;
import org.wassist.jdbc.JdbcSettings;
import org.wassist.jdbc.JdbcSqlClient;
import org.wassist.local.esm.LocalEventSourceMapping;
import org.wassist.local.sim.SimulatorApi;
import org.wassist.local.sim.SimulatorPage;
import org.wassist.local.sim.Transcript;
import org.wassist.model.ChatModel;
import org.wassist.observability.Pseudonyms;
import org.wassist.openai.OpenAiChatModel;
import org.wassist.openai.OpenAiModelProbe;
import org.wassist.sql.memory.SqlConversationStore;
import org.wassist.standins.StandIns;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds and starts the all-local run with constructors: the stand-ins, the router's pipeline consuming the inbound
 * queue in-process, and the bridge with the simulator (or WhatsApp Web) as its channel. Closing stops everything in
 * reverse order. Public for the pipeline benchmark, which observes the run through {@link Hooks}.
 */
public final class LocalWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWiring.class);
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private @Nullable BridgeApp bridge;

    private LocalWiring() {}

    /**
     * Lets a caller observe or wrap parts of the run; {@link #NONE} changes nothing.
     *
     * @param channel wraps the channel the bridge drives (sees every outbound command performed)
     * @param inbound wraps the publisher the simulator API puts messages on the inbound queue with
     * @param model wraps the chat model the router calls
     */
    public record Hooks(
            UnaryOperator<Channel> channel, UnaryOperator<InboundPublisher> inbound, UnaryOperator<ChatModel> model) {
        public static final Hooks NONE = new Hooks(c -> c, p -> p, m -> m);
    }

    static LocalWiring start(LocalSettings settings, AppConfig config, Clock clock) {
        return start(settings, config, clock, Hooks.NONE);
    }

    /** Starts everything, or stops what was started and rethrows. */
    public static LocalWiring start(LocalSettings settings, AppConfig config, Clock clock, Hooks hooks) {
        LocalWiring w = new LocalWiring();
        try {
            w.bridge = w.build(settings, config, clock, hooks);
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** What the router and the bridge share. */
    private record Parts(
            LocalSettings settings,
            AppConfig config,
            Clock clock,
            Hooks hooks,
            LocalStandIns standIns,
            JdbcSqlClient sql,
            AwsClients aws,
            Pseudonyms pseudonyms,
            BridgeSettings bridgeSettings) {}

    private BridgeApp build(LocalSettings settings, AppConfig appConfig, Clock clock, Hooks hooks) {
        // First, so that an invalid bridge setting stops the run before anything is started.
        BridgeSettings bridgeSettings = LocalTuning.bridgeSettings(settings, System.getenv());
        PortReservation port = own(PortReservation.of(settings.port()));
        LocalStandIns standIns =
                own(LocalStandIns.start(settings.dataDir(), LocalTuning.inboundVisibility(appConfig.idempotency())));
        AppConfig config = settings.fakeModel() ? withFakeModel(appConfig) : appConfig;
        JdbcSqlClient sql = own(JdbcSqlClient.connect(JdbcSettings.of(standIns.postgres.jdbcUrl())));
        FlywayMigrations.migrate(sql.dataSource());
        AwsClients aws = own(AwsClients.withEndpoints(
                Region.of(ElasticMq.REGION),
                AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                new AwsClients.Endpoints(
                        standIns.sqs.endpoint(), standIns.dynamodb.endpoint(), standIns.s3.endpoint())));
        Parts parts = new Parts(settings, config, clock, hooks, standIns, sql, aws, pseudonyms(config), bridgeSettings);
        LocalEventSourceMapping esm = own(router(parts));
        BridgeApp app = own(bridge(parts));
        esm.start();
        port.close();
        app.start();
        LOG.info(
                "local run ready port={} channel={} fakeModel={}",
                app.port(),
                settings.channel(),
                settings.fakeModel());
        return app;
    }

    /** The router function's pipeline, fed by a local event source mapping on the inbound queue. */
    private LocalEventSourceMapping router(Parts p) {
        ChatModel model =
                p.hooks().model().apply(own(new OpenAiChatModel(p.config().model(), p.clock())));
        Assistant assistant = Assistant.create(
                p.config(),
                new Assistant.Ports(
                        new DynamoDbProcessedMessages(p.aws().dynamoDb(), Dynalite.IDEMPOTENCY_TABLE),
                        new SqlConversationStore(p.sql()),
                        model,
                        new SqsOutbox(p.aws().sqs(), p.standIns().sqs.outboundQueueUrl()),
                        p.clock()),
                p.pseudonyms());
        return new LocalEventSourceMapping(
                p.aws().sqs(),
                p.standIns().sqs.inboundQueueUrl(),
                new InboundBatch(assistant, ElasticMq.MAX_RECEIVE_COUNT),
                p.settings().routerWorkers(),
                POLL_WAIT);
    }

    /** The bridge with its channel, readiness checks and, with the simulator as channel, the simulator's routes. */
    private BridgeApp bridge(Parts p) {
        SqsClient sqs = p.aws().sqs();
        ElasticMq queues = p.standIns().sqs;
        Transcript transcript = own(Transcript.open(p.settings().dataDir().resolve("simulator/transcript.jsonl")));
        InboundPublisher publisher = p.hooks().inbound().apply(new SqsInboundPublisher(sqs, queues.inboundQueueUrl()));
        BridgeSettings bridgeSettings = p.bridgeSettings();
        TempDirectory temp = TempDirectory.create(bridgeSettings.tempRoot());
        Channel channel = p.hooks()
                .channel()
                .apply(LocalChannels.create(p.settings(), bridgeSettings, transcript, p.clock(), p.pseudonyms(), temp));
        BridgeApp.Builder app = BridgeApp.builder()
                .settings(bridgeSettings)
                .tempDirectory(temp)
                .channel(channel)
                .publisher(publisher)
                .outbound(new SqsOutboundQueue(sqs, queues.outboundQueueUrl()))
                .media(new S3MediaStore(p.aws().s3(), S3Proxy.MEDIA_BUCKET))
                .clock(p.clock())
                .pseudonyms(p.pseudonyms())
                .readinessCheck(LocalChecks.database(p.sql()))
                .readinessCheck(LocalChecks.queues(sqs, queues.inboundQueueUrl(), queues.outboundQueueUrl()))
                .readinessCheck(
                        LocalChecks.model(new OpenAiModelProbe(p.config().model())))
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        if (p.settings().channel() == LocalSettings.Channel.SIMULATOR) {
            // Only with the simulator as the channel: with WhatsApp Web, a simulated message's replies would be sent
            // to the real WhatsApp user of that id.
            app.route("/api/sim", new SimulatorApi(publisher, transcript, p.clock()))
                    .route("/", new SimulatorPage());
        }
        return app.build();
    }

    /** The port of the simulator page, its API and the health endpoints. */
    public int port() {
        BridgeApp app = bridge;
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /** The configuration with the built-in fake model (an echo server owned by this run) as the endpoint. */
    private AppConfig withFakeModel(AppConfig c) {
        return LocalTuning.withModelAt(c, own(FakeOpenAi.start().echo()).baseUrl());
    }

    private static Pseudonyms pseudonyms(AppConfig config) {
        Secret key = config.pseudonymKey();
        if (key == null) {
            LOG.info("LOG_PSEUDONYM_KEY is not set: log pseudonyms change at every start");
            return Pseudonyms.ephemeral();
        }
        return new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Stops everything in reverse order of starting; idempotent. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn(
                        "shutdown step failed type={} cause={}",
                        r.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
