package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.qr.QrCodes;
import org.wassist.standins.Await;
import org.wassist.testkit.inbound.InMemoryInboundPublisher;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.logs.PiiScan;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;

/** The login state machine in real Chromium against the imitation page: QR, pairing code, logout and re-linking. */
class LoginIT {
    private static final Pattern TRANSITION = Pattern.compile("session state ([a-z-]+) -> ([a-z-]+)");

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private static BridgeUnderTest.Parts parts() {
        return new BridgeUnderTest.Parts(
                new InMemoryInboundPublisher(), new InMemoryOutboundQueue(Clock.systemUTC()), new InMemoryMediaStore());
    }

    private static void awaitQr(BridgeUnderTest bridge, String qr) {
        Await.until(() -> qr.equals(bridge.channel.loginPrompt().qr()), BridgeUnderTest.WAIT);
        assertThat(bridge.channel.loginPrompt().qr()).isEqualTo(qr);
    }

    @Test
    void qrLoginGoesFromUnpairedThroughPairingToConnected() {
        try (LogCapture logs = LogCapture.start();
                FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
                        parts())) {
            bridge.awaitState("unpaired");
            awaitQr(bridge, "ref-1,AQID,BAUG,adv-secret,WEB");
            // The terminal is drawn on the browser thread right after the prompt is published: wait for it.
            String drawn = QrCodes.terminal("ref-1,AQID,BAUG,adv-secret,WEB");
            Await.until(() -> bridge.terminalText().contains(drawn), BridgeUnderTest.WAIT);
            assertThat(bridge.terminalText()).contains(drawn);
            BridgeUnderTest.Http ready = bridge.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("failing").toString()).contains("channel: state=unpaired");
            assertThat(bridge.get("/qr.png?token=" + BridgeUnderTest.QR_TOKEN).status())
                    .isEqualTo(200);

            wa.command("rotateQr");
            awaitQr(bridge, "ref-2,AQID,BAUG,adv-secret,WEB");

            Await.until(() -> lastMetric(bridge).contains("\"SessionUnpaired\":1"), BridgeUnderTest.WAIT);
            assertThat(lastMetric(bridge)).contains("\"SessionUnpaired\":1", "\"SessionConnected\":0");

            wa.command("scan");
            bridge.awaitState("connected");
            assertThat(bridge.channel.loginPrompt().isEmpty()).isTrue();
            assertThat(bridge.get("/readyz").status()).isEqualTo(200);
            assertThat(bridge.get("/qr.png?token=" + BridgeUnderTest.QR_TOKEN).status())
                    .isEqualTo(404);
            assertThat(statesFromUnpaired(logs))
                    .as("every state the session went through, in order")
                    .containsExactly("unpaired", "pairing", "connecting", "connected");
            Await.until(() -> lastMetric(bridge).contains("\"SessionConnected\":1"), BridgeUnderTest.WAIT);
            assertThat(lastMetric(bridge)).contains("\"SessionConnected\":1", "\"SessionUnpaired\":0");
            PiiScan.generic().assertClean(logs.lines());
        }
    }

    /**
     * The states the bridge reported, from the first unpaired on, read from its "session state A -> B" log lines
     * (written for every change, on the browser thread, in order). Before unpaired the page may report connecting
     * while its socket opens.
     */
    private static List<String> statesFromUnpaired(LogCapture logs) {
        List<String> states = new ArrayList<>();
        for (String line : logs.lines()) {
            Matcher m = TRANSITION.matcher(line);
            if (m.find() && (!states.isEmpty() || m.group(2).equals("unpaired"))) {
                states.add(m.group(2));
            }
        }
        return states;
    }

    @Test
    void pairingCodeIsRequestedForTheConfiguredNumber() {
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), "447700900999"),
                        parts())) {
            Await.until(() -> "WASS1234".equals(bridge.channel.loginPrompt().pairingCode()), BridgeUnderTest.WAIT);
            assertThat(bridge.channel.loginPrompt().pairingCode()).isEqualTo("WASS1234");
            assertThat(wa.awaitCalls("startAltLinkingFlow", 1)
                            .get(0)
                            .path("phone")
                            .asText())
                    .isEqualTo("447700900999");
            assertThat(wa.calls("setPairingType").get(0).path("type").asText()).isEqualTo("ALT_DEVICE_LINKING");
            Await.until(() -> bridge.terminalText().contains("WASS1234"), BridgeUnderTest.WAIT);
            assertThat(bridge.terminalText()).contains("WASS1234");
            assertThat(bridge.get("/qr?token=" + BridgeUnderTest.QR_TOKEN).text())
                    .contains("WASS1234");

            wa.command("enterCode");
            bridge.awaitState("connected");
        }
    }

    @Test
    void logoutRaisesTheAlertAndWaitsForRelinkingWithANewQr() {
        try (FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
                        parts())) {
            bridge.awaitState("unpaired");
            wa.command("scan");
            bridge.awaitState("connected");

            wa.command("logout");
            bridge.awaitState("logged-out");
            Await.until(
                    () -> bridge.metrics.toString(StandardCharsets.UTF_8).contains("\"SessionLoggedOut\":1"),
                    BridgeUnderTest.WAIT);
            assertThat(bridge.metrics.toString(StandardCharsets.UTF_8)).contains("\"SessionLoggedOut\":1");
            awaitQr(bridge, "ref-1,AQID,BAUG,adv-secret,WAIT".replace("WAIT", "WEB"));
            assertThat(bridge.channel.status().state())
                    .as("still logged out while the new QR shows")
                    .isEqualTo("logged-out");
            assertThat(bridge.get("/healthz").status()).as("no crash loop").isEqualTo(200);
            assertThat(bridge.get("/readyz").json().path("failing").toString()).contains("logged out");

            wa.command("scan");
            bridge.awaitState("connected");
            Await.until(() -> lastMetric(bridge).contains("\"SessionLoggedOut\":0"), BridgeUnderTest.WAIT);
            assertThat(lastMetric(bridge)).contains("\"SessionLoggedOut\":0").contains("\"BridgeReady\":1");
        }
    }

    private static String lastMetric(BridgeUnderTest bridge) {
        List<String> lines =
                bridge.metrics.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
