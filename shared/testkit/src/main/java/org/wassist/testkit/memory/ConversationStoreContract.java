package org.wassist.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.memory.Turn;
import org.wassist.model.Speaker;

/**
 * What every {@link ConversationStore} must do. Chat ids are unique per test, so one store (one database) can run
 * the whole suite.
 */
public abstract class ConversationStoreContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T12:00:00.123456Z");
    private static final int WRITERS = 8;
    private static final int EXCHANGES_PER_WRITER = 15;

    protected abstract ConversationStore store();

    protected static String newChat() {
        return UUID.randomUUID() + "@g.us";
    }

    protected static Exchange exchange(String sourceId, int n) {
        return new Exchange(sourceId, "question " + n, "answer " + n, T0.plusSeconds(n));
    }

    @Test
    void recentReturnsTurnsOldestFirstWithSpeakersAndTimes() {
        String chat = newChat();
        for (int n = 1; n <= 3; n++) {
            assertThat(store().append(chat, exchange("m" + n, n))).isTrue();
        }
        assertThat(store().recent(chat, 10))
                .containsExactly(
                        new Turn(Speaker.USER, "question 1", T0.plusSeconds(1)),
                        new Turn(Speaker.ASSISTANT, "answer 1", T0.plusSeconds(1)),
                        new Turn(Speaker.USER, "question 2", T0.plusSeconds(2)),
                        new Turn(Speaker.ASSISTANT, "answer 2", T0.plusSeconds(2)),
                        new Turn(Speaker.USER, "question 3", T0.plusSeconds(3)),
                        new Turn(Speaker.ASSISTANT, "answer 3", T0.plusSeconds(3)));
    }

    @Test
    void theLimitKeepsTheNewestTurns() {
        String chat = newChat();
        for (int n = 1; n <= 3; n++) {
            store().append(chat, exchange("m" + n, n));
        }
        assertThat(store().recent(chat, 3))
                .extracting(Turn::content)
                .containsExactly("answer 2", "question 3", "answer 3");
        assertThat(store().recent(chat, 0)).isEmpty();
        assertThat(store().recent(newChat(), 5)).isEmpty();
        assertThatThrownBy(() -> store().recent(chat, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderIsTheOrderOfStoringNotOfTimestamps() {
        String chat = newChat();
        store().append(chat, exchange("late", 9));
        store().append(chat, exchange("early", 1));
        assertThat(store().recent(chat, 4))
                .extracting(Turn::content)
                .containsExactly("question 9", "answer 9", "question 1", "answer 1");
    }

    @Test
    void appendIsIdempotentPerSourceMessage() {
        String chat = newChat();
        assertThat(store().append(chat, exchange("m1", 1))).isTrue();
        assertThat(store().append(chat, new Exchange("m1", "other question", "other answer", T0)))
                .isFalse();
        assertThat(store().recent(chat, 10)).extracting(Turn::content).containsExactly("question 1", "answer 1");
    }

    @Test
    void findReturnsTheStoredExchange() {
        String chat = newChat();
        store().append(chat, exchange("m1", 1));
        store().append(chat, exchange("m2", 2));
        assertThat(store().find(chat, "m2")).contains(exchange("m2", 2));
        assertThat(store().find(chat, "m3")).isEmpty();
        assertThat(store().find(newChat(), "m2")).isEmpty();
    }

    @Test
    void timestampsAreKeptToTheMicrosecond() {
        String chat = newChat();
        Instant nanos = Instant.parse("2030-01-01T12:00:00.123456789Z");
        store().append(chat, new Exchange("m1", "q", "a", nanos));
        Instant micros = Instant.parse("2030-01-01T12:00:00.123456Z");
        assertThat(store().find(chat, "m1")).map(Exchange::at).contains(micros);
        assertThat(store().recent(chat, 2)).extracting(Turn::at).containsExactly(micros, micros);
    }

    @Test
    void clearForgetsTheConversationAndCountsTheTurns() {
        String chat = newChat();
        String other = newChat();
        store().append(chat, exchange("m1", 1));
        store().append(chat, exchange("m2", 2));
        store().append(other, exchange("m1", 1));
        assertThat(store().clear(chat)).isEqualTo(4);
        assertThat(store().recent(chat, 10)).isEmpty();
        assertThat(store().find(chat, "m1")).isEmpty();
        assertThat(store().clear(chat)).isZero();
        assertThat(store().recent(other, 10)).hasSize(2);
    }

    @Test
    void aClearedMessageCanBeStoredAgain() {
        String chat = newChat();
        store().append(chat, exchange("m1", 1));
        store().clear(chat);
        assertThat(store().append(chat, exchange("m1", 1))).isTrue();
        assertThat(store().recent(chat, 10)).hasSize(2);
    }

    @Test
    void conversationsAreIsolated() {
        String a = newChat();
        String b = newChat();
        assertThat(store().append(a, exchange("same-id", 1))).isTrue();
        assertThat(store().append(b, exchange("same-id", 2))).isTrue();
        assertThat(store().recent(a, 10)).extracting(Turn::content).containsExactly("question 1", "answer 1");
        assertThat(store().recent(b, 10)).extracting(Turn::content).containsExactly("question 2", "answer 2");
        assertThat(store().find(a, "same-id")).map(Exchange::userText).contains("question 1");
    }

    @Test
    void unicodeAndAwkwardTextRoundTrips() {
        String chat = newChat();
        String question =
                "Grüße 👋🏽 — 你好 — مرحبا — é (e\u0301) — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\nline two\t'quoted' \"double\" \\ :name ::x $1 $$"
                        + " -- not a comment; DROP TABLE x; /* nor this */";
        String answer = "👨‍👩‍👧‍👦 ".repeat(500) + "x".repeat(20_000);
        store().append(chat, new Exchange("m1", question, answer, T0));
        assertThat(store().recent(chat, 2)).extracting(Turn::content).containsExactly(question, answer);
        assertThat(store().find(chat, "m1")).contains(new Exchange("m1", question, answer, T0));
    }

    @Test
    void concurrentAppendsToOneConversationLoseNothingAndKeepPairsTogether() throws Exception {
        String chat = newChat();
        List<Callable<Boolean>> writers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(() -> {
                start.await();
                boolean all = true;
                for (int i = 0; i < EXCHANGES_PER_WRITER; i++) {
                    int n = writer * 1000 + i;
                    all &= store().append(chat, exchange("w" + n, n));
                }
                return all;
            });
        }
        assertThat(runTogether(writers, start)).containsOnly(true);
        List<Turn> turns = store().recent(chat, 1000);
        assertThat(turns).hasSize(2 * WRITERS * EXCHANGES_PER_WRITER);
        for (int i = 0; i < turns.size(); i += 2) {
            assertThat(turns.get(i).speaker()).isEqualTo(Speaker.USER);
            assertThat(turns.get(i + 1).content())
                    .isEqualTo(turns.get(i).content().replace("question", "answer"));
        }
    }

    @Test
    void concurrentRepeatsOfOneMessageStoreItOnce() throws Exception {
        String chat = newChat();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> repeats = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            repeats.add(() -> {
                start.await();
                return store().append(chat, exchange("redelivered", 1));
            });
        }
        assertThat(runTogether(repeats, start)).containsOnlyOnce(true);
        assertThat(store().recent(chat, 10)).hasSize(2);
        assertThat(store().find(chat, "redelivered")).isEqualTo(Optional.of(exchange("redelivered", 1)));
    }

    private static List<Boolean> runTogether(List<Callable<Boolean>> tasks, CountDownLatch start) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
