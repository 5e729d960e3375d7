package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.message.MessageCodec;
import org.wassist.observability.Pseudonyms;

/**
 * Handles what the page reports, on the browser thread: session events go to {@link LoginEvents}; messages are
 * normalised and handed to the sink once per run (the {@link InboundLedger}) and once ever (the journal), whether they
 * come as live events or from the catch-up.
 */
final class PageEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PageEvents.class);

    private final SessionJournal journal;
    private final Pseudonyms pseudonyms;
    private final MediaFetcher fetcher;
    private final LoginEvents login;
    private final InboundLedger ledger = new InboundLedger();
    private volatile @Nullable InboundSink sink;

    /** Fetches an inbound message's media through the browser thread. */
    interface MediaFetcher {
        byte[] fetch(String messageId, long maxBytes) throws ChannelException;
    }

    PageEvents(
            SessionTracker tracker,
            SessionJournal journal,
            TerminalQr terminal,
            Clock clock,
            Pseudonyms pseudonyms,
            MediaFetcher fetcher) {
        this.journal = journal;
        this.pseudonyms = pseudonyms;
        this.fetcher = fetcher;
        this.login = new LoginEvents(tracker, journal, terminal, clock);
    }

    void sink(InboundSink value) {
        this.sink = value;
    }

    LoginEvents login() {
        return login;
    }

    InboundLedger ledger() {
        return ledger;
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
            case "hello" -> login.hello(e);
            case "state" ->
                login.state(e.path("state").asText(null), e.path("hasSynced").asBoolean());
            case "qr" -> login.qr(e.path("qr").asText(""));
            case "logout" -> login.logout();
            case "message" -> message(e.path("msg"));
            case "ciphertext-failed" -> LOG.warn("a message could not be decrypted in time and was skipped");
            case "error" -> scriptError(e);
            case "crash", "closed" ->
                throw new BrowserGoneException("the page " + e.path("kind").asText());
            default -> LOG.debug("unknown page event");
        }
    }

    private static void scriptError(JsonNode e) {
        LOG.warn(
                "injected script error in {}: {}",
                e.path("where").asText(),
                Redact.safe(e.path("error").asText()));
    }

    /**
     * A live or caught-up message; returns true when the sink took it. A message the sink refused is not recorded as
     * handed on, so the catch-up after the sink has room again offers it once more.
     */
    boolean message(JsonNode m) {
        MessageNormaliser.Normalised n = forwardable(m);
        InboundSink s = sink;
        if (n == null || s == null) {
            return false;
        }
        String id = n.envelope().messageId();
        if (ledger.handedOn(id) || journal.contains(id)) {
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

    /** The normalised message, or null when it is not for the queue (dropped, or sent by the bridge). */
    private MessageNormaliser.@Nullable Normalised forwardable(JsonNode m) {
        MessageNormaliser.Result r = MessageNormaliser.normalise(m);
        MessageNormaliser.Normalised n = r.message();
        if (n == null) {
            LOG.debug("message not forwarded: {}", r.drop());
            return null;
        }
        if (n.envelope().fromMe() && journal.sentByBridge(n.envelope().messageId())) {
            // The page forgets what the bridge sent when it reloads; the journal does not.
            LOG.debug("message not forwarded: {}", MessageNormaliser.Drop.SENT_BY_BRIDGE);
            return null;
        }
        return n;
    }

    /** Handles one page of {@code WAssistBridge.recent}; returns how many messages the sink took. */
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
