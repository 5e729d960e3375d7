package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.PlaywrightException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;

/**
 * What the browser thread does between pumping events, besides running tasks: the catch-ups (after each connect,
 * and when the inbound sink has room again), the journal's connected marks, pairing codes while unlinked, taking the
 * session back after a conflict, and noticing a script that never reported in. Runs on the browser thread; only
 * {@link #inboundResumed()} is called from another.
 */
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration MARK_EVERY = Duration.ofMinutes(5);
    private static final Duration TAKEOVER_AFTER = Duration.ofSeconds(30);

    private final WhatsAppSettings settings;
    private final SessionTracker tracker;
    private final SessionJournal journal;
    private final PageEvents events;
    private final Clock clock;
    private final CatchUp catchUp;
    private volatile boolean resumed;
    private boolean catchUpDue;
    private @Nullable Instant lastMark;
    private @Nullable Instant lastPairingCode;
    private @Nullable Instant conflictSince;
    private @Nullable Instant helloDeadline;

    /** @param progress the loop's heartbeat, for work that takes long (a catch-up of many pages) */
    Housekeeping(
            WhatsAppSettings settings,
            SessionTracker tracker,
            SessionJournal journal,
            PageEvents events,
            Clock clock,
            Runnable progress) {
        this.settings = settings;
        this.tracker = tracker;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
        this.catchUp = new CatchUp(events, journal, settings.catchUpMaxAge(), progress);
        events.login().onStateChange(this::stateChanged);
    }

    /** A browser session opened: the script has until the start timeout to report in. */
    void sessionOpened() {
        helloDeadline = clock.instant().plus(settings.startTimeout());
    }

    /** Called on the publishing thread; the browser thread runs the catch-up at its next cycle. */
    void inboundResumed() {
        resumed = true;
    }

    /**
     * The inbound sink has room again after refusing messages: offers them again; called before the cycle's live
     * events are handled, so that a chat's messages stay in order.
     */
    void resumeInbound(BrowserSession s) {
        if (resumed) {
            resumed = false;
            catchUp.run(s, clock.instant(), false);
        }
    }

    /** The rest, once per cycle after the events and tasks. */
    void run(BrowserSession s) {
        Instant now = clock.instant();
        Instant hello = helloDeadline;
        if (hello != null && tracker.version() == null && now.isAfter(hello)) {
            tracker.browserDown("the injected script did not start: WhatsApp Web's module system was not found");
            helloDeadline = null;
        }
        if (catchUpDue) {
            catchUpDue = false;
            catchUp.run(s, now, true);
        }
        if (tracker.state() == SessionState.CONNECTED && (lastMark == null || now.isAfter(lastMark.plus(MARK_EVERY)))) {
            journal.connectedAt(events.ledger().handledUntil(now));
            lastMark = now;
        }
        pairingCode(s, now);
        takeover(s, now);
    }

    private void stateChanged(SessionState state) {
        if (state == SessionState.CONNECTED) {
            catchUpDue = true;
        }
        conflictSince = state == SessionState.CONFLICT ? clock.instant() : null;
        if (state != SessionState.UNPAIRED && state != SessionState.LOGGED_OUT) {
            lastPairingCode = null;
        }
    }

    private void pairingCode(BrowserSession s, Instant now) {
        String number = settings.pairingNumber();
        if (number == null || !tracker.unpaired()) {
            return;
        }
        Instant last = lastPairingCode;
        if (last != null && now.isBefore(last.plus(settings.pairingRefresh()))) {
            return;
        }
        lastPairingCode = now;
        try {
            JsonNode r = PageCommands.call(s, "requestPairingCode", PageCommands.args("phoneNumber", number));
            PageCommands.check(r);
            events.login().pairingCode(r.path("code").asText());
        } catch (ChannelException | PlaywrightException e) {
            LOG.warn("pairing code not issued: {}", e.getMessage() == null ? "" : Redact.safe(e.getMessage()));
        }
    }

    private void takeover(BrowserSession s, Instant now) {
        Instant since = conflictSince;
        if (settings.takeoverOnConflict() && since != null && now.isAfter(since.plus(TAKEOVER_AFTER))) {
            conflictSince = null;
            LOG.warn("another WhatsApp Web session took over; taking the session back");
            s.call("takeover", null);
        }
    }
}
