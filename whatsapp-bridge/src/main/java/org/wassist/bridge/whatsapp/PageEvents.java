package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.message.MessageCodec;
import org.wassist.observability.Pseudonyms;

/**
 * Handles what the page reports, on the browser thread: login events go to the {@link SessionTracker}, messages are
 * normalised and handed to the sink once per run (an in-memory set) and once ever (the journal), whether they come as
 * live events or from the catch-up.
 */
final class PageEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PageEvents.class);

    private final SessionTracker tracker;
    private final SessionJournal journal;
    private final TerminalQr terminal;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final MediaFetcher fetcher;
    private final InboundLedger ledger = new InboundLedger();
    private volatile @Nullable InboundSink sink;
    private @Nullable Consumer<SessionState> onState;

    /** Fetches an inbound message's media through the browser thread. */
    interface MediaFetcher {
        byte[] fetch(String messageId, long maxBytes) throws org.wassist.bridge.channel.ChannelException;
    }

    PageEvents(
            SessionTracker tracker,
            SessionJournal journal,
            TerminalQr terminal,
            Clock clock,
            Pseudonyms pseudonyms,
            MediaFetcher fetcher) {
        this.tracker = tracker;
        this.journal = journal;
        this.terminal = terminal;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.fetcher = fetcher;
    }

    void sink(InboundSink value) {
        this.sink = value;
    }

    InboundLedger ledger() {
        return ledger;
    }

    void onStateChange(Consumer<SessionState> listener) {
        this.onState = listener;
    }

    /** One JSON event from the page. */
    void handle(String json) {
        JsonNode e;
        try {
            e = MessageCodec.mapper().readTree(json);
        } catch (JsonProcessingException ex) {
            LOG.warn("unreadable page event");
            return;
        }
        switch (e.path("kind").asText()) {
            case "hello" -> hello(e);
            case "state" ->
                state(e.path("state").asText(null), e.path("hasSynced").asBoolean());
            case "qr" -> qr(e.path("qr").asText(""));
            case "logout" -> logout();
            case "message" -> message(e.path("msg"));
            case "ciphertext-failed" -> LOG.warn("a message could not be decrypted in time and was skipped");
            case "error" ->
                LOG.warn(
                        "injected script error in {}: {}",
                        e.path("where").asText(),
                        Redact.safe(e.path("error").asText()));
            case "crash", "closed" ->
                throw new BrowserGoneException("the page " + e.path("kind").asText());
            default -> LOG.debug("unknown page event");
        }
    }

    private void hello(JsonNode e) {
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
            Consumer<SessionState> l = onState;
            if (l != null) {
                l.accept(after);
            }
        }
    }

    private void qr(String payload) {
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
            Consumer<SessionState> l = onState;
            if (l != null) {
                l.accept(SessionState.LOGGED_OUT);
            }
        }
    }

    /**
     * A live or caught-up message; returns true when the sink took it. A message the sink refused is not recorded as
     * handed on, so the catch-up after the sink has room again offers it once more.
     */
    boolean message(JsonNode m) {
        MessageNormaliser.Result r = MessageNormaliser.normalise(m);
        MessageNormaliser.Normalised n = r.message();
        if (n == null) {
            LOG.debug("message not forwarded: {}", r.drop());
            return false;
        }
        String id = n.envelope().messageId();
        if (n.envelope().fromMe() && journal.sentByBridge(id)) {
            // The page forgets what the bridge sent when it reloads; the journal does not.
            LOG.debug("message not forwarded: {}", MessageNormaliser.Drop.SENT_BY_BRIDGE);
            return false;
        }
        InboundSink s = sink;
        if (s == null || ledger.handedOn(id) || journal.contains(id)) {
            return false;
        }
        MessageNormaliser.MediaRef ref = n.media();
        if (!s.accept(new InboundMessage(n.envelope(), ref == null ? null : new PageMediaDownload(ref, fetcher)))) {
            ledger.refused(n.envelope().timestamp());
            return false;
        }
        ledger.took(id, n.envelope().timestamp());
        LOG.debug("inbound message {} handed on", pseudonyms.message(id));
        return true;
    }

    /** Handles the result of {@code WAssistBridge.recent}; returns how many messages were new. */
    int catchUp(JsonNode messages) {
        int n = 0;
        for (JsonNode m : messages) {
            if (message(m)) {
                n++;
            }
        }
        return n;
    }

    /** The page or browser went away; the loop restarts the browser. */
    static final class BrowserGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrowserGoneException(String message) {
            super(message);
        }
    }
}
