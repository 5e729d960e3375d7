package org.wassist.bridge.whatsapp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What this run did with the messages the page reported, so that each is handed on once and none is lost while the
 * inbound sink refuses messages: the ids the sink took (the newest {@value #MAX} of them), which of those the queue
 * has not accepted yet, and the oldest message the sink refused since the last catch-up. The journal's watermark must
 * not pass a message that is neither delivered nor handed on, or a restart would not look back far enough for it:
 * {@link #handledUntil(Instant)} gives the limit. Thread-safe: the browser thread hands on, the publishing thread
 * reports deliveries.
 */
final class InboundLedger {
    static final int MAX = 20_000;

    private final Map<String, Boolean> taken = bounded();
    private final Map<String, Instant> undelivered = bounded();
    private @Nullable Instant oldestRefused;

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX;
            }
        };
    }

    /** Whether the sink took this message in this run. */
    synchronized boolean handedOn(String messageId) {
        return taken.containsKey(messageId);
    }

    /** The sink took the message. */
    synchronized void took(String messageId, Instant timestamp) {
        taken.put(messageId, Boolean.TRUE);
        undelivered.put(messageId, timestamp);
    }

    /** The sink refused a message of this time; it is offered again by the next catch-up. */
    synchronized void refused(Instant timestamp) {
        Instant oldest = oldestRefused;
        if (oldest == null || timestamp.isBefore(oldest)) {
            oldestRefused = timestamp;
        }
    }

    /** The queue accepted the message. */
    synchronized void delivered(String messageId) {
        undelivered.remove(messageId);
    }

    /** Whether messages were refused since the last {@link #takeRefused()}. */
    synchronized boolean refusing() {
        return oldestRefused != null;
    }

    /** The time of the oldest message refused since the last call, if any, for a catch-up that offers them again. */
    synchronized @Nullable Instant takeRefused() {
        Instant oldest = oldestRefused;
        oldestRefused = null;
        return oldest;
    }

    /** Puts back what {@link #takeRefused()} returned, when the catch-up that was to offer it failed. */
    synchronized void restoreRefused(@Nullable Instant oldest) {
        if (oldest != null) {
            refused(oldest);
        }
    }

    /** The newest time the journal may record as handled at {@code now}: before any message still in the air. */
    synchronized Instant handledUntil(Instant now) {
        Instant limit = now;
        Instant oldest = oldestRefused;
        if (oldest != null && oldest.isBefore(limit)) {
            limit = oldest;
        }
        for (Instant t : undelivered.values()) {
            if (t.isBefore(limit)) {
                limit = t;
            }
        }
        return limit;
    }
}
