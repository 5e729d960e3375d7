package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.testkit.logs.PiiScan;

/**
 * The all-local run as a user starts it (a child JVM with the fake model behind OPENAI_BASE_URL), driven only through
 * the simulator's HTTP contract: replies, their order, the transcript's shape, idempotency, {@code !help}, rejected
 * input, the health endpoints, and — last, after a graceful stop — every line it wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunConversationIT {
    static final String API_KEY = "sk-local-run-it-conversation-0123456789";
    static final String ALICE = "4915100000011@c.us";
    static final String BOB = "4915100000012@c.us";
    static final String CAROL = "4915100000013@c.us";
    static final String DAVE = "4915100000014@c.us";
    static final String ERIN = "4915100000015@c.us";
    static final String FRANK = "4915100000016@c.us";
    static final List<String> FIELDS = List.of("direction", "messageId", "text", "type", "timestamp");

    static FakeOpenAi model;
    static ModelCalls calls;
    static LocalRunChild run;
    static SimClient sim;
    /** Every phone number, id and text this class sends, for the log scan. */
    static final List<String> SENSITIVE = new ArrayList<>(List.of(API_KEY, ALICE, BOB, CAROL, DAVE, ERIN, FRANK));

    @BeforeAll
    static void start() {
        model = FakeOpenAi.start().echo();
        calls = new ModelCalls(model);
        run = LocalRunChild.start(
                LocalRunChild.freshRunDir(LocalRunConversationIT.class),
                Map.of(
                        "OPENAI_API_KEY",
                        API_KEY,
                        "OPENAI_BASE_URL",
                        model.baseUrl().toString()));
        sim = new SimClient(run);
    }

    @AfterAll
    static void stop() {
        try {
            run.close();
        } finally {
            model.close();
        }
    }

    /** A message text, remembered for the log scan with and without its command prefix. */
    static String text(String value) {
        SENSITIVE.add(value);
        if (value.startsWith("!gpt ")) {
            SENSITIVE.add(value.substring("!gpt ".length()));
        }
        return value;
    }

    @Test
    void aMessageGetsAReplyAndTheTranscriptHasExactlyTheDocumentedFields() {
        String id = sim.say(ALICE, text("!gpt purple elephant on a bicycle"));
        SimClient.Entry reply = sim.awaitReply(ALICE, id);

        assertThat(reply.text()).isEqualTo("echo(1 messages): purple elephant on a bicycle");
        List<SimClient.Entry> transcript = sim.transcript(ALICE);
        assertThat(transcript).hasSize(2);
        for (SimClient.Entry e : transcript) {
            assertThat(List.copyOf(e.fields().keySet())).isEqualTo(FIELDS);
            assertThat(e.fields().get("type")).isEqualTo("text");
            assertThat(Instant.parse(String.valueOf(e.fields().get("timestamp"))))
                    .isNotNull();
        }
        SimClient.Entry in = transcript.get(0);
        assertThat(in.direction()).isEqualTo("in");
        assertThat(in.messageId()).isEqualTo(id);
        assertThat(in.text()).isEqualTo("!gpt purple elephant on a bicycle");
        assertThat(transcript.get(1).direction()).isEqualTo("out");
        assertThat(transcript.get(1).messageId()).startsWith(id + "#");
    }

    @Test
    void repliesAppearInOrderAndEachTurnSeesTheOnesBefore() {
        List<String> ids = List.of(
                sim.say(BOB, text("!gpt first of three questions")),
                sim.say(BOB, text("!gpt second of three questions")),
                sim.say(BOB, text("!gpt third of three questions")));
        List<SimClient.Entry> transcript = sim.awaitTranscript(
                BOB, es -> es.stream().filter(e -> e.direction().equals("out")).count() == 3, "three replies");

        List<SimClient.Entry> outs =
                transcript.stream().filter(e -> e.direction().equals("out")).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(outs.get(i).messageId()).startsWith(ids.get(i) + "#");
            int inAt = indexOf(transcript, "in", ids.get(i));
            int outAt = transcript.indexOf(outs.get(i));
            assertThat(inAt).as("message %s is listed before its reply", i).isLessThan(outAt);
        }
        assertThat(outs)
                .extracting(SimClient.Entry::text)
                .containsExactly(
                        "echo(1 messages): first of three questions",
                        "echo(3 messages): second of three questions",
                        "echo(5 messages): third of three questions");
    }

    @Test
    void theSameMessageIdPostedTwiceGetsExactlyOneReply() {
        String question = text("!gpt asked twice by a flaky phone");
        assertThat(sim.message(CAROL, null, question, false, "IT-DUPLICATE-1")).isEqualTo("IT-DUPLICATE-1");
        assertThat(sim.message(CAROL, null, question, false, "IT-DUPLICATE-1")).isEqualTo("IT-DUPLICATE-1");
        // Messages of one chat are processed in order: once the later one is answered, the repeat was handled too.
        String later = sim.say(CAROL, text("!gpt a later question"));
        sim.awaitReply(CAROL, later);

        assertThat(sim.transcript(CAROL).stream().filter(e -> e.isReplyTo("IT-DUPLICATE-1")))
                .hasSize(1);
        assertThat(calls.withPrompt("asked twice by a flaky phone")).hasSize(1);
    }

    @Test
    void helpListsTheCommands() {
        String id = sim.say(DAVE, "!help");

        assertThat(sim.awaitReply(DAVE, id).text()).contains("!gpt", "!reset", "!help");
    }

    @Test
    void badInputIsRejectedWithACodeAndNothingIsQueued() {
        String longText = "x".repeat(70_000);
        assertRejected(400, "SIM-400", "{\"chatId\": \"" + ERIN + "\", \"text\": \"!gpt malformed json");
        assertRejected(400, "SIM-400", "null");
        assertRejected(400, "SIM-400", "[\"" + ERIN + "\"]");
        assertRejected(400, "SIM-400", "{\"chatId\": \"not-a-chat\", \"text\": \"!gpt invalid chat id\"}");
        assertRejected(400, "SIM-400", "{\"chatId\": \"" + ERIN + "\", \"text\": \"   \"}");
        assertRejected(400, "SIM-400", "{\"chatId\": \"" + ERIN + "\", \"text\": \"!gpt " + longText + "\"}");
        assertRejected(
                413, "SIM-413", "{\"chatId\": \"" + ERIN + "\", \"text\": \"!gpt " + "y".repeat(300_000) + "\"}");
        SimClient.Response wrongMethod = sim.get("/api/sim/messages");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("code").asText()).isEqualTo("SIM-405");

        // The chat's messages are processed in order: once this one is answered, anything queued before it was too.
        String valid = sim.say(ERIN, text("!gpt after the bad input"));
        sim.awaitReply(ERIN, valid);
        assertThat(sim.transcript(ERIN)).extracting(SimClient.Entry::direction).containsExactly("in", "out");
        assertThat(sim.get("/api/sim/chats").body()).doesNotContain("not-a-chat");
        assertThat(calls.anyMentions("malformed json")).isFalse();
        assertThat(calls.anyMentions("invalid chat id")).isFalse();
        assertThat(calls.anyMentions("xxxxxxxxxx")).isFalse();
        assertThat(calls.anyMentions("yyyyyyyyyy")).isFalse();
    }

    private static void assertRejected(int status, String code, String body) {
        SimClient.Response r = sim.post("/api/sim/messages", body);
        assertThat(r.status()).as("answer to a bad request: %s", r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("code").asText()).isEqualTo(code);
        assertThat(r.json().path("error").asText()).isNotBlank();
    }

    /** The page itself in Chromium: open a chat, type, press Enter, see the exchange. */
    @Test
    void aUserChatsThroughTheSimulatorPageInABrowser() {
        try (SimulatorBrowser browser = new SimulatorBrowser(run)) {
            Page page = browser.page;
            page.locator("#chatId").fill(FRANK);
            page.locator("#senderId").fill(FRANK);
            page.locator("#open button").click();
            page.locator("#text").fill(text("!gpt violet teapot in the rain"));
            page.locator("#text").press("Enter");

            PlaywrightAssertions.assertThat(page.locator("#log .msg.in"))
                    .hasText(Pattern.compile("^!gpt violet teapot in the rain"));
            PlaywrightAssertions.assertThat(page.locator("#log .msg.out"))
                    .hasText(Pattern.compile("^echo\\(1 messages\\): violet teapot in the rain"));
            PlaywrightAssertions.assertThat(page.locator("#chats li.active")).hasText(FRANK);
            PlaywrightAssertions.assertThat(page.locator("#status")).isEmpty();
        }
        assertThat(sim.transcript(FRANK)).extracting(SimClient.Entry::direction).containsExactly("in", "out");
    }

    @Test
    void theHealthEndpointsAnswer() {
        assertThat(sim.get("/healthz").status()).isEqualTo(200);
        assertThat(sim.get("/livez").status()).isEqualTo(200);
        SimClient.Response ready = sim.get("/readyz");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("ready").asBoolean()).isTrue();
        assertThat(ready.json().path("checks").findValuesAsText("name"))
                .contains("database", "queues", "idempotency", "media", "model", "channel");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noLogLineHoldsAPhoneNumberAnIdAMessageTextOrTheKey() {
        String last = sim.say(ALICE, text("!gpt one more before stopping"));
        sim.awaitReply(ALICE, last);
        int status = run.stop();

        assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
        ChildLogs.assertJsonLinesOnly(run);
        assertThat(run.stdoutLines())
                .as("the whole run was logged, from start to stop")
                .anyMatch(l -> l.contains("WAssist is running"))
                .anyMatch(l -> l.contains("message processed"))
                .anyMatch(l -> l.contains("bridge stopped"));
        ChildLogs.assertNoPersonalData(List.of(run), SENSITIVE);

        // The scan can fail: the same lines with one planted id or text are reported.
        List<String> lines = run.stdoutLines();
        String sample = lines.get(lines.size() - 1);
        PiiScan scan = PiiScan.knowing(SENSITIVE);
        assertThat(scan.scan(List.of(sample.replace("\"message\":\"", "\"message\":\"" + ALICE + " "))))
                .hasSize(1);
        assertThat(scan.scan(List.of(sample.replace("\"message\":\"", "\"message\":\"purple elephant on a bicycle "))))
                .hasSize(1);
        assertThat(scan.scan(List.of(sample.replace("\"message\":\"", "\"message\":\"key " + API_KEY + " "))))
                .hasSize(1);
    }

    private static int indexOf(List<SimClient.Entry> transcript, String direction, String messageId) {
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).direction().equals(direction)
                    && transcript.get(i).messageId().equals(messageId)) {
                return i;
            }
        }
        throw new AssertionError(direction + " entry for a message id not in the transcript");
    }
}
