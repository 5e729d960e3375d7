package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.standins.Await;
import org.wassist.testkit.inbound.InMemoryInboundPublisher;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.logs.PiiScan;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;

/**
 * A pinned WhatsApp Web build: the saved main document is served instead of the live one, also for the reload to
 * {@code ?post_logout=1} after a logout, and the running version is logged at start without personal data.
 */
class PinnedHtmlIT {
    /** The imitation's main document plus a marker call, so the page itself tells which document it is. */
    private static final String PINNED = """
            <!doctype html>
            <html>
            <head><meta charset="utf-8"><title>WhatsApp (pinned imitation)</title></head>
            <body>
            <script>
              fetch('/fake/calls', {method: 'POST', body: JSON.stringify({fn: 'pinned', query: location.search})});
            </script>
            <script src="fake-wa.js"></script>
            </body>
            </html>
            """;

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    @Test
    void thePinnedDocumentIsServedAlsoAfterTheLogoutReload() throws Exception {
        Path html = Files.writeString(dir.resolve("2.3000.1012345678.html"), PINNED, StandardCharsets.UTF_8);
        try (LogCapture logs = LogCapture.start();
                FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(
                        dir.resolve("tmp"),
                        BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null)
                                .withPinnedHtml(html),
                        parts())) {
            bridge.awaitState("unpaired");
            assertThat(wa.awaitCalls("pinned", 1))
                    .singleElement()
                    .satisfies(c -> assertThat(c.path("query").asText()).isEmpty());
            wa.command("scan");
            bridge.awaitState("connected");

            wa.command("logout");
            bridge.awaitState("logged-out");
            assertThat(Await.until(() -> wa.calls("loaded").size() == 2, BridgeUnderTest.WAIT))
                    .isTrue();

            assertThat(wa.awaitCalls("pinned", 2).get(1).path("query").asText()).isEqualTo("?post_logout=1");
            assertThat(wa.calls("document-served"))
                    .as("the imitation's live main document was never fetched")
                    .isEmpty();
            assertThat(logs.lines())
                    .anyMatch(l -> l.contains("serving the pinned WhatsApp Web main document"))
                    .anyMatch(l -> l.contains("WhatsApp Web version 2.3000.1012345678-imitation"));
            PiiScan.generic().assertClean(logs.lines());
        }
    }

    private static BridgeUnderTest.Parts parts() {
        return new BridgeUnderTest.Parts(
                new InMemoryInboundPublisher(), new InMemoryOutboundQueue(Clock.systemUTC()), new InMemoryMediaStore());
    }
}
