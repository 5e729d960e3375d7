package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.RecordedRequest;

/** Groups on ({@code GROUPCHATS_ENABLED=true}) and prefixes off ({@code PREFIX_ENABLED=false}). */
class LocalRunGroupsIT {
    static final String API_KEY = "sk-local-run-it-groups-0123456789";
    static final String GROUP_A = "120363000000000011@g.us";
    static final String GROUP_B = "120363000000000012@g.us";
    static final String ANNA = "4915100000021@c.us";
    static final String BEN = "4915100000022@c.us";
    static final String CLARA = "4915100000023@c.us";

    static FakeOpenAi model;
    static ModelCalls calls;
    static LocalRunChild run;
    static SimClient sim;

    @BeforeAll
    static void start() {
        model = FakeOpenAi.start().echo();
        calls = new ModelCalls(model);
        run = LocalRunChild.start(
                LocalRunChild.freshRunDir(LocalRunGroupsIT.class),
                Map.of(
                        "OPENAI_API_KEY",
                        API_KEY,
                        "OPENAI_BASE_URL",
                        model.baseUrl().toString(),
                        "GROUPCHATS_ENABLED",
                        "true",
                        "PREFIX_ENABLED",
                        "false"));
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
                            GROUP_A,
                            GROUP_B,
                            ANNA,
                            BEN,
                            CLARA,
                            "alpha team kickoff",
                            "bravo team kickoff",
                            "alpha team follow-up",
                            "bravo team follow-up",
                            "plain question without any prefix",
                            "plain chatter in the group",
                            "alpha team marker"));
        } finally {
            model.close();
        }
    }

    @Test
    void eachGroupHasItsOwnConversation() {
        sim.awaitReply(GROUP_A, sim.sayInGroup(GROUP_A, ANNA, "!gpt alpha team kickoff"));
        sim.awaitReply(GROUP_B, sim.sayInGroup(GROUP_B, BEN, "!gpt bravo team kickoff"));
        String a2 = sim.sayInGroup(GROUP_A, BEN, "!gpt alpha team follow-up");
        String b2 = sim.sayInGroup(GROUP_B, ANNA, "!gpt bravo team follow-up");
        sim.awaitReply(GROUP_A, a2);
        sim.awaitReply(GROUP_B, b2);

        RecordedRequest alpha = calls.only("alpha team follow-up");
        RecordedRequest bravo = calls.only("bravo team follow-up");
        assertThat(ModelCalls.contents(alpha))
                .contains("user: alpha team kickoff")
                .noneMatch(c -> c.contains("bravo"));
        assertThat(ModelCalls.contents(bravo))
                .contains("user: bravo team kickoff")
                .noneMatch(c -> c.contains("alpha"));
    }

    @Test
    void plainTextInAPrivateChatIsAnsweredWhenPrefixesAreOff() {
        String id = sim.say(CLARA, "plain question without any prefix");

        assertThat(sim.awaitReply(CLARA, id).text()).isEqualTo("echo(1 messages): plain question without any prefix");
    }

    @Test
    void plainTextInAGroupStillNeedsThePrefix() {
        sim.sayInGroup(GROUP_A, ANNA, "plain chatter in the group");
        String marker = sim.sayInGroup(GROUP_A, ANNA, "!gpt alpha team marker");
        // One chat's messages are processed in order: the chatter was handled before the marker was answered.
        sim.awaitReply(GROUP_A, marker);

        assertThat(calls.anyMentions("plain chatter in the group")).isFalse();
        assertThat(sim.transcript(GROUP_A).stream()
                        .filter(e -> e.direction().equals("out"))
                        .map(SimClient.Entry::text))
                .noneMatch(t -> t.contains("plain chatter"));
    }
}
