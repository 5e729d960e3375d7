package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;

/**
 * The packaged process: Chromium runs in the processes ChromiumFlags intends, SIGTERM leaves no temp files and lets a
 * send in progress finish, an unsafe profile directory stops it with a clear message.
 */
class LifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Long enough for the signal to arrive mid-send, well inside the shutdown budget. */
    private static final Duration SLOW_SEND = Duration.ofSeconds(4);

    @TempDir(factory = ShortTempDir.class)
    Path work;

    @Test
    void sigtermStopsGracefullyAndLeavesNoTempFiles() throws Exception {
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeProcess bridge = new BridgeProcess(work, wa.url(""), Map.of())) {
            int port = bridge.port(WAIT).orElseThrow(() -> new AssertionError(bridge.output()));
            HttpClient http = HttpClient.newHttpClient();
            URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
            assertThat(Await.until(() -> wa.calls("loaded").size() == 1, WAIT)).isTrue();
            wa.command("scan");
            assertThat(Await.until(() -> status(http, readyz) == 200, WAIT))
                    .as("ready; output:%n%s", bridge.output())
                    .isTrue();
            assertThat(bridge.chromiumProcessTypes())
                    .as("one renderer (no preloaded address-bar pop-up), the network service in the browser process")
                    .containsOnlyOnce("renderer")
                    .doesNotContain("utility network.mojom.NetworkService");
            try (Stream<Path> during = Files.list(work.resolve("tmp"))) {
                assertThat(during.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith("wassist-bridge-") && !n.endsWith("-driver"))
                        .anyMatch(n -> n.endsWith("-driver"));
            }

            assertThat(bridge.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(bridge.output()).contains("bridge stopped");
            try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
                assertThat(left).as("temp files after SIGTERM").isEmpty();
            }
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains(work.toString())))
                    .as("no Chromium left")
                    .isEmpty();
        }
    }

    @Test
    void sigtermDuringASlowSendFinishesTheSendDeletesTheCommandAndLeavesNoTempFiles() throws Exception {
        String chat = "447700900991@c.us";
        Map<String, String> unpaced = Map.of(
                "RECONNECT_QUIET_SECONDS", "0",
                "RECONNECT_WARMUP_SECONDS", "0",
                "PACING_JITTER_MS", "0",
                "TYPING_MAX_MS", "0",
                "OUTBOUND_WAIT_SECONDS", "1");
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeProcess bridge = new BridgeProcess(work, wa.url(""), unpaced)) {
            int port = bridge.port(WAIT).orElseThrow(() -> new AssertionError(bridge.output()));
            HttpClient http = HttpClient.newHttpClient();
            URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
            assertThat(Await.until(() -> wa.calls("loaded").size() == 1, WAIT)).isTrue();
            wa.command("scan");
            assertThat(Await.until(() -> status(http, readyz) == 200, WAIT))
                    .as("ready; output:%n%s", bridge.output())
                    .isTrue();
            wa.command("slow", Map.of("target", "addAndSendMsgToChat", "ms", SLOW_SEND.toMillis(), "times", 1));
            assertThat(Await.until(() -> wa.saw(c -> c.path("op").asText().equals("slow")), WAIT))
                    .isTrue();
            Stack.outbox()
                    .send(new OutboundCommand.SendText("life-991", chat, "an answer that takes long", null, List.of()));
            assertThat(Await.until(() -> sendsTo(wa, "addAndSendMsgToChat", chat) == 1, WAIT))
                    .as("the send started")
                    .isTrue();

            long signalledAt = System.currentTimeMillis();
            assertThat(bridge.terminate(Duration.ofSeconds(60))).isIn(0, 143);

            assertThat(wa.calls("addAndSendMsgToChat-done"))
                    .as("the send completed on the page after the signal")
                    .singleElement()
                    .satisfies(c -> assertThat(c.path("at").asLong()).isGreaterThan(signalledAt));
            assertThat(Stack.outboundDepth()).as("the command was deleted").isZero();
            assertThat(bridge.output()).contains("delivered to chat").contains("bridge stopped");
            try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
                assertThat(left).as("temp files after SIGTERM").isEmpty();
            }
        }
    }

    private static long sendsTo(FakeWhatsApp wa, String fn, String chat) {
        return wa.calls(fn).stream()
                .filter(c -> c.path("chat").asText().equals(chat))
                .count();
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void aProfileDirectoryWithMode0755IsRefused() throws Exception {
        Path profile = Files.createDirectory(work.resolve("profile"));
        Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeProcess bridge = new BridgeProcess(work, wa.url(""), Map.of())) {
            assertThat(bridge.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(bridge.process.exitValue()).isEqualTo(2);
            assertThat(bridge.output())
                    .contains("the bridge cannot start")
                    .contains("has mode 0755")
                    .contains("chmod 700");
            assertThat(wa.calls("loaded")).as("no browser was started").isEmpty();
            try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
                assertThat(left).as("temp files after the refusal").isEmpty();
            }
        }
        assertThatThrownBy(() -> new BridgeUnderTest(
                        work.resolve("tmp2"),
                        BridgeUnderTest.whatsApp(profile, URI.create("http://127.0.0.1:9/"), null),
                        new BridgeUnderTest.Parts(
                                new org.wassist.testkit.inbound.InMemoryInboundPublisher(),
                                new org.wassist.testkit.outbox.InMemoryOutboundQueue(java.time.Clock.systemUTC()),
                                new org.wassist.testkit.media.InMemoryMediaStore(),
                                List.of())))
                .isInstanceOf(ProfileDirectory.UnsafeProfileException.class)
                .hasMessageContaining("must be 0700");
        try (Stream<Path> left = Files.list(work.resolve("tmp2"))) {
            assertThat(left).as("temp files after the refusal in process").isEmpty();
        }
    }
}
