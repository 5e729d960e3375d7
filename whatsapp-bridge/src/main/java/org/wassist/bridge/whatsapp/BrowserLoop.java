package org.wassist.bridge.whatsapp;

import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser thread (research §1.9): it alone creates and calls Playwright. Each cycle it handles the page's queued
 * events, runs the tasks other threads queued (sends, downloads), does its {@link Housekeeping} (catch-ups, connected
 * marks, pairing codes, conflict takeover), then pumps Playwright's event dispatch with {@code waitForTimeout}. When
 * the browser or page dies it is relaunched with backoff; the session survives in the profile.
 */
final class BrowserLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLoop.class);
    private static final Duration BACKOFF_MIN = Duration.ofSeconds(2);
    private static final Duration BACKOFF_MAX = Duration.ofMinutes(1);

    private final WhatsAppSettings settings;
    private final Path temp;
    private final String script;
    private final SessionTracker tracker;
    private final PageEvents events;
    private final BlockingQueue<BrowserTask<?>> tasks;
    private final Housekeeping housekeeping;
    private final ConcurrentLinkedQueue<String> pageEvents = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> navigations = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile long heartbeat = System.nanoTime();

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
        this.events = events;
        this.tasks = tasks;
        this.housekeeping = new Housekeeping(settings, tracker, journal, events, clock, this::beat);
    }

    @Override
    public void run() {
        Duration backoff = BACKOFF_MIN;
        while (stop.getCount() > 0) {
            try (BrowserSession s = BrowserSession.open(settings, temp, script, pageEvents::add, navigations::add)) {
                backoff = BACKOFF_MIN;
                housekeeping.sessionOpened();
                cycle(s);
            } catch (PlaywrightException | PageEvents.BrowserGoneException e) {
                if (stop.getCount() == 0 || restartAfter(e, backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : backoff.multipliedBy(2);
            }
        }
        failPending("the channel is closed");
    }

    /** The browser failed: waits {@code backoff} before it is relaunched; true when stopped meanwhile. */
    private boolean restartAfter(RuntimeException e, Duration backoff) {
        tracker.browserDown("the browser stopped (" + e.getClass().getSimpleName() + "); restarting it");
        LOG.error("browser failed; restarting in {} s", backoff.toSeconds(), e);
        failPending("the browser is restarting");
        beat();
        return await(backoff);
    }

    private void cycle(BrowserSession s) {
        while (stop.getCount() > 0) {
            beat();
            drainNavigations(s);
            housekeeping.resumeInbound(s);
            drainEvents();
            runTasks(s);
            housekeeping.run(s);
            s.pump(settings.pumpInterval().toMillis());
        }
    }

    private void beat() {
        heartbeat = System.nanoTime();
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
                events.login().logout();
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

    /** Called on the publishing thread when the inbound sink has room again after refusing messages. */
    void inboundResumed() {
        housekeeping.inboundResumed();
    }

    boolean alive() {
        return System.nanoTime() - heartbeat < settings.stuckAfter().toNanos();
    }

    void stop() {
        stop.countDown();
    }
}
