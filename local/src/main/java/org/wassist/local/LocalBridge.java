package org.wassist.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.wassist.aws.s3.S3MediaStore;
import org.wassist.aws.sqs.SqsInboundPublisher;
import org.wassist.aws.sqs.SqsOutboundQueue;
import org.wassist.bridge.BridgeApp;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.inbound.InboundPublisher;
import org.wassist.local.sim.SimulatorApi;
import org.wassist.local.sim.SimulatorPage;
import org.wassist.local.sim.Transcript;
import org.wassist.openai.OpenAiModelProbe;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The bridge of the local run: its channel (the simulator or WhatsApp Web), the readiness checks of every store a
 * message passes through, and, with the simulator as channel, the simulator's page and API.
 */
final class LocalBridge {
    private LocalBridge() {}

    /** The app, not yet started; the transcript is owned by {@code resources}. */
    static BridgeApp build(LocalParts p, Resources resources) {
        SqsClient sqs = p.aws().sqs();
        ElasticMq queues = p.standIns().sqs;
        Transcript transcript =
                resources.own(Transcript.open(p.settings().dataDir().resolve("simulator/transcript.jsonl")));
        InboundPublisher publisher = p.hooks().inbound().apply(new SqsInboundPublisher(sqs, queues.inboundQueueUrl()));
        TempDirectory temp = TempDirectory.create(p.bridgeSettings().tempRoot());
        BridgeApp.Builder app = BridgeApp.builder()
                .settings(p.bridgeSettings())
                .tempDirectory(temp)
                .channel(channel(p, transcript, temp))
                .publisher(publisher)
                .outbound(new SqsOutboundQueue(sqs, queues.outboundQueueUrl()))
                .media(new S3MediaStore(p.aws().s3(), S3Proxy.MEDIA_BUCKET))
                .clock(p.clock())
                .pseudonyms(p.pseudonyms())
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        checks(p).forEach(app::readinessCheck);
        if (p.settings().channel() == LocalSettings.Channel.SIMULATOR) {
            // Only with the simulator as the channel: with WhatsApp Web, a simulated message's replies would be sent
            // to the real WhatsApp user of that id.
            app.route("/api/sim", new SimulatorApi(publisher, transcript, p.clock()))
                    .route("/", new SimulatorPage());
        }
        return app.build();
    }

    private static Channel channel(LocalParts p, Transcript transcript, TempDirectory temp) {
        return p.hooks()
                .channel()
                .apply(LocalChannels.create(
                        p.settings(), p.bridgeSettings(), transcript, p.clock(), p.pseudonyms(), temp));
    }

    /** Database, queues, idempotency table, media bucket and model, each bounded by the readiness timeout. */
    static List<ReadinessCheck> checks(LocalParts p) {
        Duration timeout = p.bridgeSettings().readinessTimeout();
        ElasticMq queues = p.standIns().sqs;
        return List.of(
                LocalChecks.database(p.sql()),
                LocalChecks.queues(p.aws().sqs(), queues.inboundQueueUrl(), queues.outboundQueueUrl(), timeout),
                LocalChecks.idempotency(p.aws().dynamoDb(), Dynalite.IDEMPOTENCY_TABLE, timeout),
                LocalChecks.media(p.aws().s3(), S3Proxy.MEDIA_BUCKET, timeout),
                LocalChecks.model(new OpenAiModelProbe(p.config().model())));
    }
}
