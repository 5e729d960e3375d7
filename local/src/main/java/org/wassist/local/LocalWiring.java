package org.wassist.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
import org.wassist.jdbc.FlywayMigrations;
import org.wassist.jdbc.JdbcSettings;
import org.wassist.jdbc.JdbcSqlClient;
import org.wassist.local.esm.LocalEventSourceMapping;
import org.wassist.local.sim.SimulatorApi;
import org.wassist.local.sim.SimulatorChannel;
import org.wassist.local.sim.SimulatorPage;
import org.wassist.local.sim.Transcript;
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

/**
 * Builds and starts the all-local run with constructors: the stand-ins, the router's pipeline consuming the inbound
 * queue in-process, and the bridge with the simulator (or WhatsApp Web) as its channel. Closing stops everything in
 * reverse order.
 */
final class LocalWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWiring.class);
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private @Nullable BridgeApp bridge;

    private LocalWiring() {}

    static LocalWiring start(LocalSettings settings, AppConfig config, Clock clock) {
        return start(settings, config, clock, Channels.DEFAULT);
    }

    /** Starts everything, or stops what was started and rethrows. */
    static LocalWiring start(LocalSettings settings, AppConfig config, Clock clock, Channels channels) {
        LocalWiring w = new LocalWiring();
        try {
            w.bridge = w.build(settings, config, clock, channels);
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private BridgeApp build(LocalSettings settings, AppConfig appConfig, Clock clock, Channels channels) {
        LocalStandIns standIns = own(LocalStandIns.start(settings.dataDir()));
        AppConfig config = settings.fakeModel() ? withFakeModel(appConfig) : appConfig;
        JdbcSqlClient sql = own(JdbcSqlClient.connect(JdbcSettings.of(standIns.postgres.jdbcUrl())));
        FlywayMigrations.migrate(sql.dataSource());
        AwsClients aws = own(AwsClients.withEndpoints(
                Region.of(ElasticMq.REGION),
                AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                new AwsClients.Endpoints(
                        standIns.sqs.endpoint(), standIns.dynamodb.endpoint(), standIns.s3.endpoint())));
        Pseudonyms pseudonyms = pseudonyms(config);
        OpenAiChatModel model = own(new OpenAiChatModel(config.model(), clock));
        Assistant assistant = Assistant.create(
                config,
                new Assistant.Ports(
                        new DynamoDbProcessedMessages(aws.dynamoDb(), Dynalite.IDEMPOTENCY_TABLE),
                        new SqlConversationStore(sql),
                        model,
                        new SqsOutbox(aws.sqs(), standIns.sqs.outboundQueueUrl()),
                        clock),
                pseudonyms);
        LocalEventSourceMapping esm = own(new LocalEventSourceMapping(
                aws.sqs(),
                standIns.sqs.inboundQueueUrl(),
                new InboundBatch(assistant, ElasticMq.MAX_RECEIVE_COUNT),
                settings.routerWorkers(),
                POLL_WAIT));
        Transcript transcript = own(Transcript.open(settings.dataDir().resolve("simulator/transcript.jsonl")));
        SqsInboundPublisher publisher = new SqsInboundPublisher(aws.sqs(), standIns.sqs.inboundQueueUrl());
        BridgeSettings bridgeSettings = bridgeSettings(settings);
        TempDirectory temp = TempDirectory.create(bridgeSettings.tempRoot());
        Channel channel = channels.create(settings, transcript, clock, pseudonyms, temp);
        BridgeApp app = own(BridgeApp.builder()
                .settings(bridgeSettings)
                .tempDirectory(temp)
                .channel(channel)
                .publisher(publisher)
                .outbound(new SqsOutboundQueue(aws.sqs(), standIns.sqs.outboundQueueUrl()))
                .media(new S3MediaStore(aws.s3(), S3Proxy.MEDIA_BUCKET))
                .clock(clock)
                .pseudonyms(pseudonyms)
                .readinessCheck(LocalChecks.database(sql))
                .readinessCheck(
                        LocalChecks.queues(aws.sqs(), standIns.sqs.inboundQueueUrl(), standIns.sqs.outboundQueueUrl()))
                .readinessCheck(LocalChecks.model(new OpenAiModelProbe(config.model())))
                .route("/api/sim", new SimulatorApi(publisher, transcript, clock))
                .route("/", new SimulatorPage())
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                .build());
        esm.start();
        app.start();
        LOG.info(
                "local run ready port={} channel={} fakeModel={}",
                app.port(),
                settings.channel(),
                settings.fakeModel());
        return app;
    }

    /** Creates the channel the bridge drives; tests may substitute one. */
    @FunctionalInterface
    interface Channels {
        Channel create(
                LocalSettings settings, Transcript transcript, Clock clock, Pseudonyms pseudonyms, TempDirectory temp);

        Channels DEFAULT = (settings, transcript, clock, pseudonyms, temp) -> switch (settings.channel()) {
            case SIMULATOR -> new SimulatorChannel(transcript, clock);
            case WHATSAPP_WEB -> WhatsAppWebChannels.create(settings, temp, clock, pseudonyms);
        };
    }

    int port() {
        BridgeApp app = bridge;
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    private static BridgeSettings bridgeSettings(LocalSettings settings) {
        BridgeSettings s = BridgeSettings.defaults()
                .withPort(settings.port())
                .withTempRoot(settings.dataDir().resolve("tmp"));
        return settings.channel() == LocalSettings.Channel.SIMULATOR ? s.withPacing(BridgeSettings.Pacing.none()) : s;
    }

    private AppConfig withFakeModel(AppConfig c) {
        FakeOpenAi fake = own(FakeOpenAi.start().echo());
        AppConfig.Model m = c.model();
        AppConfig.Model faked = new AppConfig.Model(
                List.of(new Secret("local-fake-model")),
                fake.baseUrl(),
                m.name(),
                m.timeout(),
                m.maxRetries(),
                m.keyCooldown());
        return new AppConfig(
                faked, c.prefixes(), c.chat(), c.access(), c.memory(), c.idempotency(), c.pseudonymKey(), c.infra());
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
