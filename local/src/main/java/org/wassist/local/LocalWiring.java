package org.wassist.local;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.aws.AwsClients;
import org.wassist.bridge.BridgeApp;
import org.wassist.bridge.BridgeSettings;
import org.wassist.bridge.channel.Channel;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;
import org.wassist.inbound.InboundPublisher;
import org.wassist.jdbc.FlywayMigrations;
import org.wassist.jdbc.JdbcSettings;
import org.wassist.jdbc.JdbcSqlClient;
import org.wassist.local.esm.LocalEventSourceMapping;
import org.wassist.model.ChatModel;
import org.wassist.observability.Pseudonyms;
import org.wassist.standins.StandIns;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Builds and starts the all-local run with constructors: the stand-ins, the router's pipeline consuming the inbound
 * queue in-process ({@link LocalRouter}), and the bridge with the simulator (or WhatsApp Web) as its channel ({@link
 * LocalBridge}). Closing stops everything in reverse order. Public for the pipeline benchmark, which observes the run
 * through {@link Hooks}.
 */
public final class LocalWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWiring.class);
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    private final Resources resources = new Resources();
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
        // First, so that an invalid bridge setting stops the run before anything is started.
        BridgeSettings bridgeSettings = LocalTuning.bridgeSettings(settings, System.getenv());
        PortReservation port = resources.own(PortReservation.of(settings.port()));
        LocalParts parts = parts(settings, appConfig, clock, hooks, bridgeSettings);
        LocalEventSourceMapping esm = resources.own(LocalRouter.build(parts, resources));
        BridgeApp app = resources.own(LocalBridge.build(parts, resources));
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

    /** Starts the stand-ins, migrates the database and builds the clients the router and the bridge share. */
    private LocalParts parts(
            LocalSettings settings, AppConfig appConfig, Clock clock, Hooks hooks, BridgeSettings bridgeSettings) {
        LocalStandIns standIns = resources.own(
                LocalStandIns.start(settings.dataDir(), LocalTuning.inboundVisibility(appConfig.idempotency())));
        AppConfig config = settings.fakeModel() ? withFakeModel(appConfig) : appConfig;
        JdbcSqlClient sql = resources.own(JdbcSqlClient.connect(JdbcSettings.of(standIns.postgres.jdbcUrl())));
        FlywayMigrations.migrate(sql.dataSource());
        AwsClients aws = resources.own(AwsClients.withEndpoints(
                Region.of(ElasticMq.REGION),
                AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                new AwsClients.Endpoints(standIns.sqs.endpoint(), standIns.dynamodb.endpoint(), standIns.s3.endpoint()),
                config.awsTimeouts()));
        return new LocalParts(settings, config, clock, hooks, standIns, sql, aws, pseudonyms(config), bridgeSettings);
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
        return LocalTuning.withModelAt(
                c, resources.own(FakeOpenAi.start().echo()).baseUrl());
    }

    private static Pseudonyms pseudonyms(AppConfig config) {
        Secret key = config.pseudonymKey();
        if (key == null) {
            LOG.info("LOG_PSEUDONYM_KEY is not set: log pseudonyms change at every start");
            return Pseudonyms.ephemeral();
        }
        return new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** Stops everything in reverse order of starting; idempotent. */
    @Override
    public void close() {
        resources.close();
    }
}
