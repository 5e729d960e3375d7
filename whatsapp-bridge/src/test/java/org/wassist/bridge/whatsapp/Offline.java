package org.wassist.bridge.whatsapp;

import java.time.Duration;
import java.util.Map;
import org.wassist.standins.Await;

/**
 * Queues commands while the imitation page's socket is not connected, so the pump receives them together, as one
 * batch, once it reconnects.
 */
final class Offline {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Offline() {}

    /** Runs {@code queueing} while disconnected, reconnects, and returns the page's time (ms) of the reconnect. */
    static long queueWhileDisconnected(FakeWhatsApp wa, BridgeUnderTest bridge, Duration longPoll, Runnable queueing)
            throws InterruptedException {
        wa.command("state", Map.of("state", "OPENING"));
        if (!Await.until(() -> !bridge.channel.status().ready(), WAIT)) {
            throw new AssertionError("the bridge did not see the disconnect: " + bridge.channel.status());
        }
        // A receive already waiting when the session dropped returns what arrives during its long poll: let it end.
        Thread.sleep(longPoll.plusMillis(500).toMillis());
        queueing.run();
        int before = stateChanges(wa);
        wa.command("state", Map.of("state", "CONNECTED"));
        if (!Await.until(() -> stateChanges(wa) > before, WAIT)) {
            throw new AssertionError("the page did not reconnect; calls: " + wa.calls());
        }
        return wa.calls("command-done").stream()
                .filter(c -> c.path("op").asText().equals("state"))
                .skip(before)
                .findFirst()
                .orElseThrow()
                .path("at")
                .asLong();
    }

    private static int stateChanges(FakeWhatsApp wa) {
        return (int) wa.calls("command-done").stream()
                .filter(c -> c.path("op").asText().equals("state"))
                .count();
    }
}
