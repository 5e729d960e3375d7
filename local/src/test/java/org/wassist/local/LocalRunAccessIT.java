package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.standins.openai.FakeOpenAi;

/**
 * Who gets an answer: with the whitelist on (one number, written bare) and groups off by default. The run has one
 * router worker, so messages are processed one after another in the order they were accepted: once a later message
 * is answered, an earlier one was fully handled, and silence can be asserted without waiting blindly.
 */
class LocalRunAccessIT {
    static final String API_KEY = "sk-local-run-it-access-0123456789";
    static final String LISTED_NUMBER = "4915100000002";
    static final String LISTED = LISTED_NUMBER + "@c.us";
    static final String STRANGER = "4915100000003@c.us";
    static final String GROUP = "120363000000000001@g.us";

    static FakeOpenAi model;
    static ModelCalls calls;
    static LocalRunChild run;
    static SimClient sim;

    @BeforeAll
    static void start() {
        model = FakeOpenAi.start().echo();
        calls = new ModelCalls(model);
        run = LocalRunChild.start(
                LocalRunChild.freshRunDir(LocalRunAccessIT.class),
                Map.of(
                        "OPENAI_API_KEY",
                        API_KEY,
                        "OPENAI_BASE_URL",
                        model.baseUrl().toString(),
                        "WHITELISTED_ENABLED",
                        "true",
                        "WHITELISTED_PHONE_NUMBERS",
                        LISTED_NUMBER,
                        "LOCAL_ROUTER_WORKERS",
                        "1"));
        sim = new SimClient(run);
    }

    @AfterAll
    static void stop() {
        try {
            run.close();
            ChildLogs.assertJsonLinesOnly(run);
            ChildLogs.assertNoPersonalData(
                    List.of(run),
                    List.of(
                            API_KEY,
                            LISTED,
                            STRANGER,
                            GROUP,
                            "listed sender asks",
                            "stranger asks to be let in",
                            "question while groups are off",
                            "listed sender again",
                            "listed sender after the group"));
        } finally {
            model.close();
        }
    }

    @Test
    void aSenderListedAsABareNumberGetsAReply() {
        String id = sim.say(LISTED, "!gpt listed sender asks");

        assertThat(sim.awaitReply(LISTED, id).text()).matches("echo\\(\\d+ messages\\): listed sender asks");
    }

    @Test
    void aSenderNotOnTheWhitelistGetsNoReply() {
        sim.say(STRANGER, "!gpt stranger asks to be let in");
        String later = sim.say(LISTED, "!gpt listed sender again");
        sim.awaitReply(LISTED, later);

        assertThat(sim.transcript(STRANGER))
                .extracting(SimClient.Entry::direction)
                .containsExactly("in");
        assertThat(calls.anyMentions("stranger asks to be let in")).isFalse();
    }

    @Test
    void groupMessagesGetNoReplyWhileGroupsAreOff() {
        sim.sayInGroup(GROUP, LISTED, "!gpt question while groups are off");
        String later = sim.say(LISTED, "!gpt listed sender after the group");
        sim.awaitReply(LISTED, later);

        assertThat(sim.transcript(GROUP)).extracting(SimClient.Entry::direction).containsExactly("in");
        assertThat(calls.anyMentions("question while groups are off")).isFalse();
    }
}
