package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;

/**
 * The browser thread (research §1.9): it alone creates and calls Playwright. Each cycle it handles the page's queued
 * events, runs the tasks other threads queued (sends, downloads), does housekeeping (pairing codes, catch-up,
 * conflict takeover, connected marks), then pumps Playwright's event dispatch with {@code waitForTimeout}. When the
 * browser or page dies it is relaunched with backoff; the session survives in the profile.
 */
final class BrowserLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLoop.class);
    private static final Duration MARK_EVERY = Duration.ofMinutes(5);
    private static final Duration TAKEOVER_AFTER = Duration.ofSeconds(30);

    private final WhatsAppSettings settings;
    private final Path temp;
    private final String script;
    private final SessionTracker tracker;
    private final SessionJournal journal;
    private final PageEvents events;
    private final BlockingQueue<BrowserTask<?>> tasks;
    private final Clock clock;
    private final ConcurrentLinkedQueue<String> pageEvents = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> navigations = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CatchUp catchUp;
    private volatile long heartbeat = System.nanoTime();
    private volatile boolean resumed;
    private boolean catchUpDue;
    private @Nullable Instant lastMark;
    private @Nullable Instant lastPairingCode;
    private @Nullable Instant conflictSince;
    private @Nullable Instant helloDeadline;

    BrowserLoop(
            WhatsAppSettings settings,
            Path temp,
            String script,
            SessionTracker tracker,
            SessionJournal journal,
            PageEvents events,
            BlockingQueue<BrowserTask<?>> tasks,
            Clock clock) {
        this.settings = settings;
        this.temp = temp;
        this.script = script;
        this.tracker = tracker;
        this.journal = journal;
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
        this.catchUp = new CatchUp(events, journal, settings.catchUpMaxAge(), () -> heartbeat = System.nanoTime());
        events.onStateChange(this::stateChanged);
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofSeconds(2);
        while (stop.getCount() > 0) {
            try (BrowserSession s = BrowserSession.open(settings, temp, script, pageEvents::add, navigations::add)) {
                backoff = Duration.ofSeconds(2);
                helloDeadline = clock.instant().plus(settings.startTimeout());
                cycle(s);
            } catch (PlaywrightException | PageEvents.BrowserGoneException e) {
                if (stop.getCount() == 0) {
                    break;
                }
                tracker.browserDown("the browser stopped (" + e.getClass().getSimpleName() + "); restarting it");
                LOG.error("browser failed; restarting in {} s", backoff.toSeconds(), e);
                failPending("the browser is restarting");
                heartbeat = System.nanoTime();
                if (await(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0
                        ? Duration.ofMinutes(1)
                        : backoff.multipliedBy(2);
            }
        }
        failPending("the channel is closed");
    }

    private void cycle(BrowserSession s) {
        while (stop.getCount() > 0) {
            heartbeat = System.nanoTime();
            drainNavigations(s);
            resumeInbound(s);
            drainEvents();
            runTasks(s);
            housekeeping(s);
            s.pump(settings.pumpInterval().toMillis());
        }
    }

    private void drainEvents() {
        for (String e = pageEvents.poll(); e != null; e = pageEvents.poll()) {
            try {
                events.handle(e);
            } catch (PageEvents.BrowserGoneException gone) {
                throw gone;
            } catch (RuntimeException ex) {
                LOG.error("page event not handled: {}", ex.getClass().getSimpleName(), ex);
            }
        }
    }

    private void drainNavigations(BrowserSession s) {
        boolean navigated = false;
        for (String url = navigations.poll(); url != null; url = navigations.poll()) {
            navigated = true;
            if (url.contains("post_logout=1")) {
                events.logout();
            }
        }
        if (navigated) {
            s.ensureInjected();
        }
    }

    private void runTasks(BrowserSession s) {
        for (BrowserTask<?> t = tasks.poll(); t != null && stop.getCount() > 0; t = tasks.poll()) {
            t.run(s);
            drainEvents();
        }
    }

    /**
     * The inbound sink has room again after refusing messages: offer them again before any newer live event, so that
     * a chat's messages stay in order.
     */
    private void resumeInbound(BrowserSession s) {
        if (resumed) {
            resumed = false;
            catchUp.run(s, clock.instant(), false);
        }
    }

    /** Called on the publishing thread; the browser thread runs the catch-up at its next cycle. */
    void inboundResumed() {
        resumed = true;
    }

    private void housekeeping(BrowserSession s) {
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
            events.pairingCode(r.path("code").asText());
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

    private void failPending(String reason) {
        for (BrowserTask<?> t = tasks.poll(); t != null; t = tasks.poll()) {
            t.abandon(reason);
        }
    }

    /** Waits up to {@code d}; true when stopped meanwhile. */
    private boolean await(Duration d) {
        try {
            return stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    boolean alive() {
        return System.nanoTime() - heartbeat < settings.stuckAfter().toNanos();
    }

    void stop() {
        stop.countDown();
    }
}
