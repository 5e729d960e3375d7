package org.wassist.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Ban-risk pacing: how long the next send to a chat must wait. Keeps the last send per chat (bounded) and globally,
 * holds everything for the quiet period after a (re)connect and triples the intervals during the warm-up after it.
 * Not thread-safe: used by the pump thread only.
 */
final class Pacer {
    private static final int MAX_CHATS = 10_000;
    private static final int WARMUP_FACTOR = 3;

    private final BridgeSettings.Pacing p;
    private final RandomGenerator random;
    private final Map<String, Instant> lastPerChat = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_CHATS;
        }
    };
    private Instant lastGlobal = Instant.EPOCH;
    private Instant connectedAt = Instant.EPOCH;

    Pacer(BridgeSettings.Pacing pacing, RandomGenerator random) {
        this.p = pacing;
        this.random = random;
    }

    /** The session became ready (first start or reconnect). */
    void connected(Instant at) {
        connectedAt = at;
    }

    /** How long to wait at {@code now} before sending to {@code chatId} (jitter included). */
    Duration delay(String chatId, Instant now) {
        long factor = now.isBefore(connectedAt.plus(p.reconnectQuiet()).plus(p.reconnectWarmup())) ? WARMUP_FACTOR : 1;
        Instant earliest = connectedAt.plus(p.reconnectQuiet());
        earliest = max(earliest, lastGlobal.plus(p.globalInterval().multipliedBy(factor)));
        Instant chat = lastPerChat.get(chatId);
        if (chat != null) {
            earliest = max(earliest, chat.plus(p.chatInterval().multipliedBy(factor)));
        }
        Duration wait = earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
        return wait.plus(jitter());
    }

    void sent(String chatId, Instant at) {
        lastGlobal = at;
        lastPerChat.put(chatId, at);
    }

    /** How long the typing state shows before a text of this length. */
    Duration typing(String text) {
        Duration d = p.typingPerChar().multipliedBy(text.codePointCount(0, text.length()));
        if (d.compareTo(p.typingMin()) < 0) {
            return p.typingMin();
        }
        return d.compareTo(p.typingMax()) > 0 ? p.typingMax() : d;
    }

    boolean typingEnabled() {
        return !p.typingMax().isZero();
    }

    private Duration jitter() {
        long max = p.jitter().toMillis();
        return max <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(max + 1));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
