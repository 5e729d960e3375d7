package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.config.Secret;
import org.wassist.message.MessageCodec;
import org.wassist.standins.Await;
import org.wassist.testkit.inbound.InMemoryInboundPublisher;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

class HttpFrontTest {
    private static final String TOKEN = "a-long-enough-qr-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private final ScriptedChannel channel = new ScriptedChannel();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private @Nullable BridgeApp app;

    private BridgeApp start(BridgeSettings settings, ReadinessCheck... checks) {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        BridgeApp.Builder b = BridgeApp.builder()
                .settings(settings.withPort(0).withTempRoot(tmp))
                .channel(channel)
                .publisher(new InMemoryInboundPublisher())
                .outbound(new InMemoryOutboundQueue(clock))
                .media(new InMemoryMediaStore())
                .clock(clock)
                .sleeper(ClockSleeper.advancing(clock))
                .metricsOutput(new PrintStream(metrics, true, StandardCharsets.UTF_8))
                .route("/extra", ex -> {
                    try (ex) {
                        ex.sendResponseHeaders(204, -1);
                    }
                });
        for (ReadinessCheck c : checks) {
            b.readinessCheck(c);
        }
        BridgeApp built = b.build();
        app = built;
        built.start();
        return built;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private BridgeApp app() {
        return Objects.requireNonNull(app);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app().port() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return MessageCodec.mapper().readTree(r.body());
    }

    @Test
    void readyzNamesEveryFailingCheckAndHealthzStaysUp() throws Exception {
        start(
                BridgeSettings.defaults().withQrPageToken(null),
                ReadinessCheck.of("inbound-queue", () -> ReadinessCheck.Result.passing("reachable")),
                ReadinessCheck.of("outbound-queue", () -> ReadinessCheck.Result.failing("AccessDenied")),
                ReadinessCheck.of("slow", () -> {
                    try {
                        Thread.sleep(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ReadinessCheck.Result.passing("late");
                }));
        channel.status(new ChannelStatus("logged-out", false, List.of("the account was logged out")));
        HttpResponse<byte[]> r = get("/readyz");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).path("failing").toString())
                .contains("channel: state=logged-out; the account was logged out")
                .contains("outbound-queue: AccessDenied")
                .contains("slow: no answer within 3000 ms")
                .doesNotContain("inbound-queue");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/livez").statusCode()).isEqualTo(200);
        assertThat(get("/extra").statusCode()).isEqualTo(204);
        assertThat(get("/healthz/x").statusCode()).isEqualTo(404);
    }

    @Test
    void readyzIsOkWhenConnectedAndEverythingPasses() throws Exception {
        start(BridgeSettings.defaults(), ReadinessCheck.of("q", () -> ReadinessCheck.Result.passing("ok")));
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        channel.status(new ChannelStatus("connected", true, List.of("WhatsApp Web capability missing: react")));
        HttpResponse<byte[]> r = get("/readyz");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).path("failing").toString()).contains("WhatsApp Web capability missing: react");
    }

    @Test
    void livezFailsWhenTheChannelWorkerIsStuck() throws Exception {
        start(BridgeSettings.defaults());
        channel.alive(false);
        assertThat(get("/livez").statusCode()).isEqualTo(503);
        assertThat(get("/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void qrPageNeedsTheTokenAndShowsTheCode() throws Exception {
        start(BridgeSettings.defaults().withQrPageToken(new Secret(TOKEN)));
        channel.prompt(new LoginPrompt("ref-1,AQID,BAUG,adv-secret,WEB", "WASS1234"));
        assertThat(get("/qr").statusCode()).isEqualTo(401);
        assertThat(get("/qr?token=wrong").statusCode()).isEqualTo(401);
        assertThat(get("/qr", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);

        HttpResponse<byte[]> page = get("/qr?token=" + TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("data:image/png;base64,")
                .contains("WASS1234");

        HttpResponse<byte[]> png = get("/qr.png", "Authorization", "Bearer " + TOKEN);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(decode(png.body())).isEqualTo("ref-1,AQID,BAUG,adv-secret,WEB");
    }

    @Test
    void qrPageIsDisabledWithoutAToken() throws Exception {
        start(BridgeSettings.defaults().withQrPageToken(null));
        assertThat(get("/qr?token=anything").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreWrittenInTheEmbeddedMetricFormatAndAtOnceWhenTheStateChanges() {
        start(BridgeSettings.defaults().withMetricsInterval(Duration.ofHours(1)));
        channel.status(new ChannelStatus("logged-out", false, List.of()));
        assertThat(Await.until(() -> metricsText().contains("\"SessionLoggedOut\":1"), Duration.ofSeconds(20)))
                .isTrue();
        String line = metricsText().lines().findFirst().orElseThrow();
        assertThat(line)
                .contains("\"Namespace\":\"WAssist\"")
                .contains("\"Dimensions\":[[\"Service\"]]")
                .contains("\"Service\":\"bridge\"")
                .contains("\"BridgeReady\":0")
                .contains("\"SessionLoggedOut\":1")
                .contains("\"SessionConnected\":0");

        channel.status(new ChannelStatus("connected", true, List.of()));

        assertThat(Await.until(() -> metricsText().contains("\"SessionConnected\":1"), Duration.ofSeconds(20)))
                .as("written on the change, long before the hourly interval")
                .isTrue();
        assertThat(metricsText().lines().toList().getLast())
                .contains("\"SessionLoggedOut\":0")
                .contains("\"BridgeReady\":1");
    }

    private String metricsText() {
        return metrics.toString(StandardCharsets.UTF_8);
    }

    @Test
    void emfLineIsExact() {
        assertThat(EmfMetrics.line(1780400000000L, true, "connected"))
                .isEqualTo("{\"_aws\":{\"Timestamp\":1780400000000,\"CloudWatchMetrics\":[{\"Namespace\":\"WAssist\","
                        + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"BridgeReady\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionStarting\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionUnpaired\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionPairing\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionConnecting\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionConnected\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionLoggedOut\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionConflict\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionBlocked\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"SessionBrowserDown\",\"Unit\":\"Count\"}]}]},\"Service\":\"bridge\","
                        + "\"BridgeReady\":1,\"SessionStarting\":0,\"SessionUnpaired\":0,\"SessionPairing\":0,"
                        + "\"SessionConnecting\":0,\"SessionConnected\":1,\"SessionLoggedOut\":0,\"SessionConflict\":0,"
                        + "\"SessionBlocked\":0,\"SessionBrowserDown\":0}");
    }

    @Test
    void exactlyTheGaugeOfTheSessionStateIsOne() throws Exception {
        for (String state : List.of("unpaired", "pairing", "connecting", "connected", "logged-out")) {
            JsonNode line = MessageCodec.mapper().readTree(EmfMetrics.line(0, false, state));
            List<String> one = EmfMetrics.STATE_METRICS.values().stream()
                    .filter(name -> line.path(name).asInt(-1) == 1)
                    .toList();
            assertThat(one).as(state).containsExactly(EmfMetrics.STATE_METRICS.get(state));
            assertThat(EmfMetrics.STATE_METRICS.values())
                    .allSatisfy(name -> assertThat(line.path(name).isInt()).isTrue());
        }
        assertThat(EmfMetrics.STATE_METRICS)
                .containsEntry("logged-out", "SessionLoggedOut")
                .containsEntry("unpaired", "SessionUnpaired")
                .containsEntry("browser-down", "SessionBrowserDown");
    }

    @Test
    void anUnknownStateSetsNoGauge() throws Exception {
        JsonNode line = MessageCodec.mapper().readTree(EmfMetrics.line(0, true, "simulating"));

        assertThat(EmfMetrics.STATE_METRICS.values())
                .allSatisfy(name -> assertThat(line.path(name).asInt(-1)).isZero());
    }

    @Test
    void closeRemovesTheTempDirectoryAndClosesTheChannel() throws Exception {
        BridgeApp a = start(BridgeSettings.defaults());
        Path temp = a.tempDirectory().path();
        Files.writeString(a.tempDirectory().newJobDirectory("job").resolve("f"), "x");
        a.close();
        assertThat(temp).doesNotExist();
        assertThat(channel.closed()).isTrue();
        try (var left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("wassist-bridge-")))
                    .isEmpty();
        }
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
