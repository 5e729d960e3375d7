package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;
import org.wassist.standins.openai.RecordedRequest;

/**
 * Kill -9 and start again on the same data directory. The first run has one router worker and, at the kill, that
 * worker is stuck in a model call that does not return, so one message is in flight and a second one is queued
 * behind it. The tests run in order: the first stops the first run, the others check what the second run finds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunRestartIT {
    static final String API_KEY = "sk-local-run-it-restart-0123456789";
    static final String MEMORY_CHAT = "4915100000031@c.us";
    static final String QUEUED_CHAT = "4915100000032@c.us";
    static final String IN_FLIGHT_CHAT = "4915100000033@c.us";
    static final String REPEAT_CHAT = "4915100000034@c.us";
    static final String REPEATED_ID = "IT-RESTART-REPEAT-1";
    /** Short, so the in-flight message comes back soon (the run's inbound visibility is the lease + 30 s). */
    static final Map<String, String> LEASE = Map.of("IDEMPOTENCY_LEASE_SECONDS", "5");

    static FakeOpenAi model;
    static ModelCalls calls;
    static Path runDir;
    static LocalRunChild first;
    static @Nullable LocalRunChild second;
    static SimClient sim;
    static List<SimClient.Entry> memoryBeforeKill = List.of();
    static String inFlightId = "";
    static String queuedId = "";

    @BeforeAll
    static void start() {
        model = FakeOpenAi.start().echo();
        calls = new ModelCalls(model);
        runDir = LocalRunChild.freshRunDir(LocalRunRestartIT.class);
        first = LocalRunChild.start(runDir, env(Map.of("LOCAL_ROUTER_WORKERS", "1")));
        sim = new SimClient(first);
    }

    static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.putAll(LEASE);
        env.put("OPENAI_API_KEY", API_KEY);
        env.put("OPENAI_BASE_URL", model.baseUrl().toString());
        return env;
    }

    @AfterAll
    static void stop() {
        List<LocalRunChild> runs = new ArrayList<>();
        try {
            LocalRunChild restarted = second;
            if (restarted != null) {
                restarted.close();
                runs.add(restarted);
            }
            first.close();
            runs.add(0, first);
            runs.forEach(ChildLogs::assertJsonLinesOnly);
            ChildLogs.assertNoPersonalData(
                    runs,
                    List.of(
                            API_KEY,
                            MEMORY_CHAT,
                            QUEUED_CHAT,
                            IN_FLIGHT_CHAT,
                            REPEAT_CHAT,
                            "remember the blue door",
                            "which door did I mention",
                            "a fresh start",
                            "answered only once across restarts",
                            "in flight at the kill",
                            "queued before the kill",
                            "marker after the restart"));
        } finally {
            model.close();
        }
    }

    @Test
    @Order(1)
    void aKillNineEndsTheFirstRunWithMessagesInFlightAndQueued() {
        sim.awaitReply(MEMORY_CHAT, sim.say(MEMORY_CHAT, "!gpt remember the blue door"));
        sim.awaitReply(
                REPEAT_CHAT,
                sim.message(REPEAT_CHAT, null, "!gpt answered only once across restarts", false, REPEATED_ID));
        memoryBeforeKill = sim.transcript(MEMORY_CHAT);

        model.enqueue(FakeResponse.reply("never delivered").delayed(Duration.ofMinutes(10)));
        inFlightId = sim.say(IN_FLIGHT_CHAT, "!gpt in flight at the kill");
        SimClient.await(
                () -> calls.withPrompt("in flight at the kill").size(), n -> n == 1, "the model call of a message");
        queuedId = sim.say(QUEUED_CHAT, "!gpt queued before the kill");
        int status = first.killNine();

        assertThat(status).as("exit status: killed by SIGKILL").isEqualTo(LocalRunChild.KILLED_BY_SIGKILL);
        assertThat(first.stdoutLines()).as("no shutdown hook ran").noneMatch(l -> l.contains("bridge stopping"));
        assertThat(calls.anyMentions("queued before the kill")).isFalse();
    }

    @Test
    @Order(2)
    void theTranscriptSurvivesTheKill() {
        LocalRunChild restarted = LocalRunChild.start(runDir, env(Map.of()));
        second = restarted;
        sim = new SimClient(restarted);

        assertThat(sim.transcript(MEMORY_CHAT)).isEqualTo(memoryBeforeKill);
        assertThat(sim.transcript(QUEUED_CHAT))
                .extracting(SimClient.Entry::messageId)
                .startsWith(queuedId);
    }

    @Test
    @Order(3)
    void theModelReceivesTheEarlierTurnsAfterTheRestart() {
        String id = sim.say(MEMORY_CHAT, "!gpt which door did I mention");

        assertThat(sim.awaitReply(MEMORY_CHAT, id).text()).isEqualTo("echo(3 messages): which door did I mention");
        assertThat(ModelCalls.contents(calls.only("which door did I mention")))
                .containsExactly(
                        "user: remember the blue door",
                        "assistant: echo(1 messages): remember the blue door",
                        "user: which door did I mention");
    }

    @Test
    @Order(4)
    void aMessageQueuedBeforeTheKillIsAnsweredOnceAfterTheRestart() {
        SimClient.Entry reply = sim.awaitReply(QUEUED_CHAT, queuedId);
        String marker = sim.say(QUEUED_CHAT, "!gpt marker after the restart");
        sim.awaitReply(QUEUED_CHAT, marker);

        assertThat(reply.text()).isEqualTo("echo(1 messages): queued before the kill");
        assertThat(sim.transcript(QUEUED_CHAT).stream().filter(e -> e.isReplyTo(queuedId)))
                .hasSize(1);
    }

    @Test
    @Order(5)
    void theSameMessageIdAfterTheRestartGetsNoSecondReply() {
        sim.message(REPEAT_CHAT, null, "!gpt answered only once across restarts", false, REPEATED_ID);
        String marker = sim.say(REPEAT_CHAT, "!gpt marker after the restart");
        sim.awaitReply(REPEAT_CHAT, marker);

        assertThat(sim.transcript(REPEAT_CHAT).stream().filter(e -> e.isReplyTo(REPEATED_ID)))
                .hasSize(1);
        assertThat(calls.withPrompt("answered only once across restarts")).hasSize(1);
    }

    @Test
    @Order(6)
    void afterResetTheModelReceivesNoEarlierTurns() {
        sim.awaitReply(MEMORY_CHAT, sim.say(MEMORY_CHAT, "!reset"));
        String id = sim.say(MEMORY_CHAT, "!gpt a fresh start");
        sim.awaitReply(MEMORY_CHAT, id);

        RecordedRequest fresh = calls.only("a fresh start");
        assertThat(ModelCalls.contents(fresh)).containsExactly("user: a fresh start");
    }

    @Test
    @Order(7)
    void aMessageInFlightAtTheKillIsAnsweredOnceAfterTheRestart() {
        // It comes back when its visibility timeout ends (lease + 30 s after it was received), lease expired.
        SimClient.Entry reply = sim.awaitReply(IN_FLIGHT_CHAT, inFlightId);
        String marker = sim.say(IN_FLIGHT_CHAT, "!gpt marker after the restart");
        sim.awaitReply(IN_FLIGHT_CHAT, marker);

        assertThat(reply.text()).isEqualTo("echo(1 messages): in flight at the kill");
        assertThat(sim.transcript(IN_FLIGHT_CHAT).stream().filter(e -> e.isReplyTo(inFlightId)))
                .hasSize(1);
    }
}
