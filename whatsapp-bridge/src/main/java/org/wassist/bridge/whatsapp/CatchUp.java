package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.PlaywrightException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers again what the page holds but the bridge has not delivered: after each connect, from the journal's watermark
 * (minus a slack), and when the inbound sink has room again after refusing messages, from the oldest refused one.
 * The page lists its messages in pages of {@value #PAGE}, oldest first; the catch-up asks for page after page until
 * one is not full, so a long outage loses nothing. It stops early when the sink refuses a message again: the next
 * catch-up, once the sink has room, goes on from there. Runs on the browser thread.
 */
final class CatchUp {
    static final int PAGE = 500;
    static final Duration SLACK = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final PageEvents events;
    private final SessionJournal journal;
    private final Duration maxAge;
    private final Runnable progress;

    /** @param progress called after each page (the loop's heartbeat: a long catch-up is progress) */
    CatchUp(PageEvents events, SessionJournal journal, Duration maxAge, Runnable progress) {
        this.events = events;
        this.journal = journal;
        this.maxAge = maxAge;
        this.progress = progress;
    }

    /**
     * Runs a catch-up: from the watermark when {@code afterConnect}, and from the oldest refused message, if any,
     * whichever is earlier.
     */
    void run(BrowserSession s, Instant now, boolean afterConnect) {
        InboundLedger ledger = events.ledger();
        Instant refused = ledger.takeRefused();
        Instant watermark = afterConnect ? since(journal.watermark().orElse(null), now, maxAge) : null;
        Instant since = earliest(watermark, refused);
        if (since == null) {
            if (afterConnect) {
                LOG.info("no journal yet (first link): no catch-up of older messages");
            }
            return;
        }
        try {
            Result r = pages(s, since);
            log(afterConnect, r);
        } catch (PlaywrightException e) {
            ledger.restoreRefused(refused);
            LOG.warn("catch-up failed: {}", BrowserTask.firstLine(e));
        }
    }

    /** What one catch-up did. */
    record Result(int handedOn, int listed, int pages, boolean stoppedEarly) {}

    private Result pages(BrowserSession s, Instant since) {
        Cursor cursor = new Cursor(since.getEpochSecond(), List.of());
        int handedOn = 0;
        int listed = 0;
        int pages = 0;
        while (true) {
            JsonNode page = PageCommands.call(s, "recent", cursor.args(PAGE));
            pages++;
            listed += page.size();
            handedOn += events.catchUp(page);
            progress.run();
            if (events.ledger().refusing()) {
                return new Result(handedOn, listed, pages, true);
            }
            if (page.size() < PAGE) {
                return new Result(handedOn, listed, pages, false);
            }
            cursor = cursor.after(page);
        }
    }

    private static void log(boolean afterConnect, Result r) {
        if (r.stoppedEarly()) {
            LOG.warn(
                    "catch-up stopped after {} message(s) handed on, of {} listed: the inbound buffer is full again;"
                            + " it goes on once the buffer has drained",
                    r.handedOn(),
                    r.listed());
            return;
        }
        LOG.info(
                "catch-up {}: {} message(s) not yet delivered, of {} listed in {} page(s)",
                afterConnect ? "after connect" : "after the inbound buffer drained",
                r.handedOn(),
                r.listed(),
                r.pages());
    }

    /** Where the catch-up after a connect starts: the watermark minus the slack, bounded by the maximum age. */
    static @Nullable Instant since(@Nullable Instant watermark, Instant now, Duration maxAge) {
        if (watermark == null) {
            return null;
        }
        Instant since = watermark.minus(SLACK);
        Instant oldest = now.minus(maxAge);
        return since.isBefore(oldest) ? oldest : since;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /**
     * Where the next page starts: a time in seconds, and the ids at exactly that time that earlier pages returned.
     */
    record Cursor(long sinceSeconds, List<String> skip) {
        Cursor {
            skip = List.copyOf(skip);
        }

        java.util.Map<String, @Nullable Object> args(int limit) {
            return PageCommands.args("sinceSeconds", sinceSeconds, "skip", skip, "limit", limit);
        }

        /** The cursor after a full page: at its last message's time, skipping what was listed at that time. */
        Cursor after(JsonNode page) {
            long last = page.get(page.size() - 1).path("t").asLong();
            List<String> ids = new ArrayList<>(last == sinceSeconds ? skip : List.of());
            for (JsonNode m : page) {
                if (m.path("t").asLong() == last) {
                    ids.add(m.path("id").asText());
                }
            }
            return new Cursor(last, ids);
        }
    }
}
