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
import org.wassist.standins.Await;

/**
 * The packaged process: Chromium runs in the processes ChromiumFlags intends, SIGTERM leaves no temp files, an unsafe
 * profile directory stops it with a clear message.
 */
class LifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

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
    }
}
