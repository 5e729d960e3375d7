package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.BridgeApp;
import org.wassist.bridge.BridgeSettings;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.config.Secret;
import org.wassist.inbound.InboundPublisher;
import org.wassist.media.MediaStore;
import org.wassist.message.MessageCodec;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;
import org.wassist.standins.Await;

/** The real bridge (BridgeApp + WhatsApp Web channel in Chromium) against the imitation page. */
final class BridgeUnderTest implements AutoCloseable {
    static final String QR_TOKEN = "test-qr-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final WhatsAppWebChannel channel;
    final BridgeApp app;
    final TempDirectory temp;
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    final ByteArrayOutputStream metrics = new ByteArrayOutputStream();

    /** The parts a test varies. */
    record Parts(InboundPublisher publisher, OutboundQueue outbound, MediaStore media, List<ReadinessCheck> checks) {
        Parts(InboundPublisher publisher, OutboundQueue outbound, MediaStore media) {
            this(publisher, outbound, media, List.of());
        }
    }

    BridgeUnderTest(Path tempRoot, WhatsAppSettings wa, Parts parts) {
        this(tempRoot, wa, parts, settings(tempRoot));
    }

    /**
     * A bridge on the stand-in queues and bucket ({@link Stack}), with its temp root and profile under {@code dir},
     * linked to the imitation page by a QR scan: connected when this returns.
     */
    static BridgeUnderTest linked(Path dir, FakeWhatsApp wa) {
        BridgeUnderTest bridge = new BridgeUnderTest(
                dir.resolve("tmp"), whatsApp(dir.resolve("profile"), wa.url(""), null), Stack.parts());
        bridge.awaitState("unpaired");
        wa.command("scan");
        bridge.awaitState("connected");
        return bridge;
    }

    /** With other bridge settings than the fast ones of {@link #settings(Path)}. */
    BridgeUnderTest(Path tempRoot, WhatsAppSettings wa, Parts parts, BridgeSettings settings) {
        this.temp = TempDirectory.create(tempRoot);
        try {
            this.channel = new WhatsAppWebChannel(
                    wa,
                    temp,
                    settings.outbound().sendTimeout(),
                    Clock.systemUTC(),
                    Pseudonyms.ephemeral(),
                    new PrintStream(terminal, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // As the bridge's wiring does: a refused profile leaves no temp directory behind.
            temp.close();
            throw e;
        }
        BridgeApp.Builder b = BridgeApp.builder()
                .settings(settings)
                .channel(channel)
                .publisher(parts.publisher())
                .outbound(parts.outbound())
                .media(parts.media())
                .tempDirectory(temp)
                .metricsOutput(new PrintStream(metrics, true, StandardCharsets.UTF_8));
        for (ReadinessCheck c : parts.checks()) {
            b.readinessCheck(c);
        }
        this.app = b.build();
        app.start();
    }

    static BridgeSettings settings(Path tempRoot) {
        BridgeSettings.Pacing fast = new BridgeSettings.Pacing(
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                Duration.ZERO,
                Duration.ZERO);
        return BridgeSettings.defaults()
                .withPort(0)
                .withPacing(fast)
                .withOutbound(new BridgeSettings.Outbound(
                        10,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(60)))
                .withTempRoot(tempRoot)
                .withQrPageToken(new Secret(QR_TOKEN))
                .withMetricsInterval(Duration.ofSeconds(1));
    }

    static WhatsAppSettings whatsApp(Path profile, URI url, @Nullable String pairingNumber) {
        return WhatsAppSettings.defaults(profile)
                .withPage(profile, url)
                .withPairingNumber(pairingNumber)
                .withQrTerminal(true);
    }

    void awaitState(String state) {
        if (!Await.until(() -> channel.status().state().equals(state), WAIT)) {
            throw new AssertionError("state " + state + " not reached; status " + channel.status());
        }
    }

    /** GET on the bridge's HTTP front: status code and body. */
    Http get(String pathAndQuery) {
        try {
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Http(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    static final class Http {
        private final int status;
        private final byte[] body;

        Http(int status, byte[] body) {
            this.status = status;
            this.body = body.clone();
        }

        int status() {
            return status;
        }

        byte[] body() {
            return body.clone();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MessageCodec.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String terminalText() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.close();
    }
}
