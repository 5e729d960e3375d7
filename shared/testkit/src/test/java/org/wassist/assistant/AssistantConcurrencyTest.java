package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wassist.testkit.message.Envelopes.ALICE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wassist.memory.Turn;
import org.wassist.message.Envelope;
import org.wassist.model.ChatModel;
import org.wassist.model.Speaker;
import org.wassist.pipeline.Outcome;
import org.wassist.testkit.message.Envelopes;

/**
 * Messages of one chat handled at the same time (two router instances, or a queue that does not keep a chat's order)
 * must not lose a turn: every exchange ends up in memory and every question is answered.
 */
class AssistantConcurrencyTest {
    /** Only guards against a hung test; no assertion depends on timing. */
    private static final long GUARD_SECONDS = 30;

    @Test
    void twoMessagesOfOneChatHandledAtOnceAreBothRemembered() throws Exception {
        List<Envelope> questions = questions(2);
        Harness h = allModelCallsMeet(questions.size());

        List<Outcome> outcomes = handleAllAtOnce(h, questions);

        assertThat(outcomes).containsOnly(new Outcome.Handled("chat"));
        assertThat(h.chatSees(ALICE)).hasSize(2);
        assertThat(userTurns(h.memory.recent(ALICE, 100))).containsExactlyInAnyOrder("question 0", "question 1");
    }

    @Test
    void manyMessagesOfOneChatHandledAtOnceLoseNoTurnAndKeepEachAnswerWithItsQuestion() throws Exception {
        List<Envelope> questions = questions(8);
        Harness h = allModelCallsMeet(questions.size());

        handleAllAtOnce(h, questions);

        List<Turn> turns = h.memory.recent(ALICE, 100);
        assertThat(turns).hasSize(16);
        for (int i = 0; i < turns.size(); i += 2) {
            assertThat(turns.get(i).speaker()).isEqualTo(Speaker.USER);
            assertThat(turns.get(i + 1).content()).endsWith(": " + turns.get(i).content());
        }
        assertThat(h.modelRequests()).hasSize(8);
    }

    @Test
    void theNextMessageAfterConcurrentOnesSeesEveryEarlierExchange() throws Exception {
        List<Envelope> questions = questions(2);
        Harness h = allModelCallsMeet(questions.size());
        handleAllAtOnce(h, questions);

        h.deliver(Envelopes.text("!gpt and now?").build());

        assertThat(h.model.lastRequest().messages())
                .extracting(m -> m.content())
                .contains("question 0", "question 1")
                .last()
                .isEqualTo("and now?");
    }

    /** A harness whose first {@code parties} model calls wait for each other, so they are truly simultaneous. */
    private static Harness allModelCallsMeet(int parties) {
        CountDownLatch meet = new CountDownLatch(parties);
        return Harness.configured(Map.of(), model -> meetingAt(meet, model));
    }

    private static ChatModel meetingAt(CountDownLatch meet, ChatModel model) {
        return request -> {
            meet.countDown();
            await(meet);
            return model.complete(request);
        };
    }

    private static void await(CountDownLatch meet) {
        try {
            if (!meet.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other model calls never arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other model calls", e);
        }
    }

    private static List<Outcome> handleAllAtOnce(Harness h, List<Envelope> envelopes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(envelopes.size());
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (Envelope e : envelopes) {
                running.add(pool.submit(() -> h.deliver(e)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : running) {
                outcomes.add(f.get(GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Envelope> questions(int n) {
        List<Envelope> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Envelopes.text("!gpt question " + i).build());
        }
        return out;
    }

    private static List<String> userTurns(List<Turn> turns) {
        return turns.stream()
                .filter(t -> t.speaker() == Speaker.USER)
                .map(Turn::content)
                .toList();
    }
}
