package org.wassist.bridge;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.aws.AwsClients;
import org.wassist.aws.s3.S3MediaStore;
import org.wassist.aws.sqs.SqsInboundPublisher;
import org.wassist.aws.sqs.SqsOutboundQueue;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.bridge.whatsapp.WhatsAppSettings;
import org.wassist.bridge.whatsapp.WhatsAppWebChannel;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigException;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.config.Secret;
import org.wassist.observability.Pseudonyms;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the bridge from the environment with constructors, no container: settings (plus the secrets of
 * {@code APP_SECRET_ARN}), the AWS adapters, the WhatsApp Web channel and the app. The local run calls it too, with
 * {@code AWS_ENDPOINT_URL_*} pointing at the stand-ins.
 */
public final class BridgeWiring {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeWiring.class);

    private BridgeWiring() {}

    /** The wired bridge and what it holds besides the app. */
    public record Wired(BridgeApp app, AwsClients aws) implements AutoCloseable {
        @Override
        public void close() {
            try {
                app.close();
            } finally {
                aws.close();
            }
        }
    }

    /**
     * Wires the bridge from an environment.
     *
     * @param env the process environment (or the local run's)
     * @param terminal where QR codes are drawn when a terminal is attached
     * @throws ConfigException for invalid or missing settings (every problem listed)
     */
    public static Wired fromEnvironment(Map<String, String> env, PrintStream terminal) {
        Map<String, String> merged = AppSecrets.merge(env);
        String channel = merged.getOrDefault("CHANNEL", "whatsapp-web");
        if (!channel.equals("whatsapp-web")) {
            throw new ConfigException(java.util.List.of(
                    "CHANNEL must be whatsapp-web for the bridge process (the chat simulator runs in the local run)"));
        }
        AppConfig config = ConfigLoader.load(merged, Profile.BRIDGE);
        BridgeSettings settings = BridgeSettings.fromEnvironment(merged);
        WhatsAppSettings wa = WhatsAppSettings.fromEnvironment(merged);
        AwsClients aws = AwsClients.fromEnvironment(merged);
        try {
            return new Wired(app(config, settings, wa, aws, terminal), aws);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    /**
     * The channel checks the profile directory and may refuse it: then, and on any other failure before the app owns
     * them, the channel and the temp directory are closed here, so a refused start leaves nothing behind.
     */
    private static BridgeApp app(
            AppConfig config, BridgeSettings settings, WhatsAppSettings wa, AwsClients aws, PrintStream terminal) {
        Pseudonyms pseudonyms = pseudonyms(config.pseudonymKey());
        if (settings.qrPageToken() == null) {
            LOG.warn("QR_PAGE_TOKEN is not set: the /qr page is disabled; link on a terminal or set the token");
        }
        Clock clock = Clock.systemUTC();
        TempDirectory temp = TempDirectory.create(settings.tempRoot());
        WhatsAppWebChannel channel = null;
        try {
            channel = new WhatsAppWebChannel(wa, temp, settings.outbound().sendTimeout(), clock, pseudonyms, terminal);
            return aws(BridgeApp.builder(), config, settings, aws)
                    .channel(channel)
                    .clock(clock)
                    .pseudonyms(pseudonyms)
                    .tempDirectory(temp)
                    .build();
        } catch (RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            temp.close();
            throw e;
        }
    }

    /** The settings and the AWS side: queues, bucket, and the queues' readiness checks. */
    private static BridgeApp.Builder aws(
            BridgeApp.Builder b, AppConfig config, BridgeSettings settings, AwsClients aws) {
        String inbound = config.infra().require("INBOUND_QUEUE_URL");
        String outbound = config.infra().require("OUTBOUND_QUEUE_URL");
        return b.settings(settings)
                .publisher(new SqsInboundPublisher(aws.sqs(), inbound))
                .outbound(new SqsOutboundQueue(aws.sqs(), outbound))
                .media(new S3MediaStore(aws.s3(), config.infra().require("MEDIA_BUCKET")))
                .readinessCheck(queueCheck("inbound-queue", aws.sqs(), inbound, settings.readinessTimeout()))
                .readinessCheck(queueCheck("outbound-queue", aws.sqs(), outbound, settings.readinessTimeout()));
    }

    /**
     * The queue answers GetQueueAttributes within {@code timeout} (the task role may read both queues' attributes),
     * probed at most every {@link QueueCheck#TTL}.
     */
    public static ReadinessCheck queueCheck(String name, SqsClient sqs, String url, Duration timeout) {
        return new QueueCheck(name, sqs, url, timeout, Clock.systemUTC());
    }

    /** {@link #queueCheck(String, SqsClient, String, Duration)} with the default readiness timeout. */
    public static ReadinessCheck queueCheck(String name, SqsClient sqs, String url) {
        return queueCheck(name, sqs, url, BridgeSettings.defaults().readinessTimeout());
    }

    private static Pseudonyms pseudonyms(@Nullable Secret key) {
        if (key == null) {
            LOG.warn("LOG_PSEUDONYM_KEY is not set: log pseudonyms change at every restart");
            return Pseudonyms.ephemeral();
        }
        return new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }
}
