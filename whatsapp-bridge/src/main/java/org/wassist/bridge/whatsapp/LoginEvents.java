package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's session events, on the browser thread: the script attaching (WhatsApp Web's version, missing
 * capabilities), socket states, QR codes, pairing codes and logouts go to the {@link SessionTracker}; QR and pairing
 * codes also to the terminal (never to the log); a change of state to the one listener (the loop's housekeeping).
 */
final class LoginEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LoginEvents.class);

    private final SessionTracker tracker;
    private final SessionJournal journal;
    private final TerminalQr terminal;
    private final Clock clock;
    private @Nullable Consumer<SessionState> onState;

    LoginEvents(SessionTracker tracker, SessionJournal journal, TerminalQr terminal, Clock clock) {
        this.tracker = tracker;
        this.journal = journal;
        this.terminal = terminal;
        this.clock = clock;
    }

    void onStateChange(Consumer<SessionState> listener) {
        this.onState = listener;
    }

    /** The script attached to a document: logs the version (and a change of it) and missing capabilities. */
    void hello(JsonNode e) {
        String version = e.path("version").asText("unknown");
        List<String> missing = MessageNormaliser.strings(e.path("missing"));
        tracker.hello(version, missing);
        LOG.info("WhatsApp Web version {} (injected script attached)", version);
        String previous = journal.version(version);
        if (previous != null) {
            LOG.warn(
                    "WhatsApp Web changed from version {} to {}; watch /readyz for missing capabilities",
                    previous,
                    version);
        }
        if (!missing.isEmpty()) {
            LOG.error("WhatsApp Web capabilities missing: {}; see docs/whatsapp-bridge.md", String.join(", ", missing));
        }
    }

    void state(@Nullable String waState, boolean hasSynced) {
        SessionState before = tracker.state();
        SessionState after = tracker.socket(waState, hasSynced, clock.instant());
        if (before != after) {
            LOG.info("session state {} -> {}", before.label(), after.label());
            changed(after);
        }
    }

    void qr(String payload) {
        if (payload.isEmpty()) {
            return;
        }
        tracker.qr(payload);
        terminal.qr(payload);
        LOG.info("a new QR code for linking is available on /qr");
    }

    void pairingCode(String code) {
        if (code.isEmpty()) {
            return;
        }
        tracker.pairingCode(code);
        terminal.pairingCode(code);
        LOG.info("a pairing code for linking by phone number is available on /qr");
    }

    void logout() {
        if (tracker.state() != SessionState.LOGGED_OUT) {
            tracker.logout();
            LOG.warn("WhatsApp Web reported a logout; waiting for the account to be linked again");
            changed(SessionState.LOGGED_OUT);
        }
    }

    private void changed(SessionState state) {
        Consumer<SessionState> l = onState;
        if (l != null) {
            l.accept(state);
        }
    }
}
