package org.wassist.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
import org.wassist.local.sim.SimulatorChannel;
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

    private BridgeApp build(LocalSettings settings, AppConfig appConfig, Clock clock, Hooks hooks) {
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
        Pseudonyms pseudonyms = pseudonyms(config);
        OpenAiChatModel openAi = own(new OpenAiChatModel(config.model(), clock));
        ChatModel model = hooks.model().apply(openAi);
        Assistant assistant = Assistant.create(
                config,
                new Assistant.Ports(
                        new ScratchTiming.PM(new DynamoDbProcessedMessages(aws.dynamoDb(), Dynalite.IDEMPOTENCY_TABLE)),
                        new ScratchTiming.CS(new SqlConversationStore(sql)),
                        model,
                        new ScratchTiming.OB(new SqsOutbox(aws.sqs(), standIns.sqs.outboundQueueUrl())),
                        clock),
                pseudonyms);
        LocalEventSourceMapping esm = own(new LocalEventSourceMapping(
                aws.sqs(),
                standIns.sqs.inboundQueueUrl(),
                new InboundBatch(assistant, ElasticMq.MAX_RECEIVE_COUNT),
                settings.routerWorkers(),
                POLL_WAIT));
        Transcript transcript = own(Transcript.open(settings.dataDir().resolve("simulator/transcript.jsonl")));
        InboundPublisher publisher =
                hooks.inbound().apply(new SqsInboundPublisher(aws.sqs(), standIns.sqs.inboundQueueUrl()));
        BridgeSettings bridgeSettings = LocalTuning.bridgeSettings(settings);
        TempDirectory temp = TempDirectory.create(bridgeSettings.tempRoot());
        Channel channel = hooks.channel().apply(Channels.DEFAULT.create(settings, transcript, clock, pseudonyms, temp));
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
        port.close();
        app.start();
        LOG.info(
                "local run ready port={} channel={} fakeModel={}",
                app.port(),
                settings.channel(),
                settings.fakeModel());
        return app;
    }

    /** Creates the channel the bridge drives. */
    @FunctionalInterface
    interface Channels {
        Channel create(
                LocalSettings settings, Transcript transcript, Clock clock, Pseudonyms pseudonyms, TempDirectory temp);

        Channels DEFAULT = (settings, transcript, clock, pseudonyms, temp) -> switch (settings.channel()) {
            case SIMULATOR -> new SimulatorChannel(transcript, clock);
            case WHATSAPP_WEB -> WhatsAppWebChannels.create(settings, temp, clock, pseudonyms);
        };
    }

    /** The port of the simulator page, its API and the health endpoints. */
    public int port() {
        BridgeApp app = bridge;
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
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

    /** Stops everything in reverse order of starting; idempotent. */
    @Override
    public void close() {
        ScratchTiming.dump();
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
