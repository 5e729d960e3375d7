package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.pipeline.ErrorCode;
import org.wassist.router.standin.RouterStandIns;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;
import org.wassist.testkit.lambda.LambdaProcess;
import org.wassist.testkit.lambda.LambdaRuntimeEmulator;
import org.wassist.testkit.logs.PiiScan;

/**
 * The packaged {@code target/router.jar} as Lambda runs it: in its own JVM with the managed runtime's flags, under
 * AWS's runtime interface client (the real event and response serialization, the real SnapStart hook calls) behind
 * the Runtime API emulator, configured only through environment variables, against the stand-ins.
 */
class RouterRuntimeIT {
    private static final Logger LOG = LoggerFactory.getLogger(RouterRuntimeIT.class);

    static final String HANDLER = "org.wassist.router.RouterHandler::handleRequest";
    static final String FUNCTION = "wassist-router";
    private static final Duration INIT = Duration.ofSeconds(90);
    private static final Duration INVOKE = Duration.ofSeconds(60);
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String SAMPLE_PHONE = "4915100000001";
    private static final String SNAP_PHONE = "4915100000003";
    private static final String FAILURE_PHONE = "4915100000004";

    private static RouterStandIns standIns;

    @BeforeAll
    static void start() {
        standIns = RouterStandIns.start();
    }

    @AfterAll
    static void stop() {
        standIns.close();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("wassist.router.jar", "target/router.jar"));
        assertThat(jar).as("the packaged function; run the package phase first").isRegularFile();
        return jar;
    }

    static Path launchDir(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lambda", name + "-" + System.nanoTime());
    }

    static LambdaProcess.Builder function(String launch) {
        return LambdaProcess.builder(jar(), HANDLER, launchDir(launch))
                .functionName(FUNCTION)
                .env(standIns.lambdaEnvironment());
    }

    @Test
    void thePackagedJarAnswersTheSampleAndARedeliveryAddsNoReply() throws Exception {
        String sample = Fixtures.json(Fixtures.TEXT_EVENT);
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start(FUNCTION, Duration.ofMinutes(2));
                LambdaProcess fn = function("on-demand").start(emulator)) {
            Duration init = fn.awaitInit(emulator, INIT);
            assertThat(init).isPositive();
            reportInit("on-demand", init);

            LambdaRuntimeEmulator.Invocation first = fn.invoke(emulator, sample, INVOKE);

            assertNoBatchItemFailures(first);
            assertThat(standIns.takeReplies(1, ARRIVAL))
                    .singleElement()
                    .isInstanceOfSatisfying(OutboundCommand.SendText.class, reply -> {
                        assertThat(reply.commandId()).isEqualTo("3EB0SAMPLE0000000000001#1");
                        assertThat(reply.chatId()).isEqualTo(SAMPLE_PHONE + "@c.us");
                        assertThat(reply.text()).isEqualTo("echo(1 messages): What can you do?");
                    });

            LambdaRuntimeEmulator.Invocation again = fn.invoke(emulator, sample, INVOKE);

            assertNoBatchItemFailures(again);
            assertThat(standIns.takeReplies(0, QUIET)).isEmpty();
            List<JsonNode> lines = jsonLines(fn);
            assertThat(lines)
                    .anySatisfy(line -> {
                        assertThat(line.path("message").asText()).startsWith("message processed outcome=handled:chat");
                        assertThat(line.path("requestId").asText()).isEqualTo(first.requestId());
                        assertThat(line.path("coldStart").asText()).isEqualTo("true");
                        assertThat(line.path("service").asText()).isEqualTo(FUNCTION);
                    })
                    .anySatisfy(line -> assertThat(line.path("message").asText())
                            .startsWith("message processed outcome=ignored:duplicate"));
            assertCleanOutput(fn, List.of(SAMPLE_PHONE, "What can you do?"));
        }
    }

    @Test
    void underSnapStartPrimingRunsBeforeTheCheckpointWithoutNetworkAndTheRestoredFunctionAnswers() throws Exception {
        int secretsBefore = standIns.secrets().served();
        int modelBefore = standIns.openai().requests().size();
        int dataApiBefore = standIns.dataApi().served();
        int claimsBefore = standIns.idempotencyRecords();
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start(FUNCTION, Duration.ofMinutes(2));
                LambdaProcess fn = function("snap-start").snapStart(true).start(emulator)) {
            reportInit("snap-start, priming included", fn.awaitInit(emulator, INIT));

            assertThat(emulator.reports())
                    .extracting(LambdaRuntimeEmulator.Report::path)
                    .containsExactly("/2018-06-01/runtime/restore/next");
            assertThat(messages(fn))
                    .anyMatch(m -> m.startsWith("snapstart priming done messages=1 commands=1"))
                    .anyMatch(m -> m.startsWith("snapstart restore"));
            assertThat(standIns.secrets().served())
                    .as("no secret read before the restore")
                    .isEqualTo(secretsBefore);
            assertThat(standIns.openai().requests())
                    .as("no model call while priming")
                    .hasSize(modelBefore);
            assertThat(standIns.dataApi().served())
                    .as("no database call while priming")
                    .isEqualTo(dataApiBefore);
            assertThat(standIns.idempotencyRecords())
                    .as("no idempotency claim while priming")
                    .isEqualTo(claimsBefore);

            String event = Fixtures.textEventJson(SNAP_PHONE, "3EB0SNAPSTART000000001", "!gpt after the restore");
            assertNoBatchItemFailures(fn.invoke(emulator, event, INVOKE));

            assertThat(standIns.takeReplies(1, ARRIVAL))
                    .singleElement()
                    .isInstanceOfSatisfying(
                            OutboundCommand.SendText.class,
                            reply -> assertThat(reply.text()).isEqualTo("echo(1 messages): after the restore"));
            assertThat(standIns.secrets().served()).isEqualTo(secretsBefore + 1);
            assertCleanOutput(fn, List.of(SNAP_PHONE, "after the restore", SAMPLE_PHONE, "What can you do?"));
        }
    }

    @Test
    void modelThrottlingRefusalAndOutageTakeTheirPathsInThePackagedJar() throws Exception {
        FakeOpenAi model = standIns.openai();
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start(FUNCTION, Duration.ofMinutes(2));
                LambdaProcess fn = function("model-failures").start(emulator)) {
            fn.awaitInit(emulator, INIT);

            model.enqueue(FakeResponse.rateLimited());
            assertNoBatchItemFailures(fn.invoke(emulator, event("1", "!gpt throttled once"), INVOKE));
            assertThat(texts(1)).containsExactly("echo(1 messages): throttled once");

            model.enqueue(FakeResponse.error(400, "Invalid request"));
            assertNoBatchItemFailures(fn.invoke(emulator, event("2", "!gpt refused"), INVOKE));
            assertThat(texts(1)).containsExactly(ErrorCode.MODEL_REJECTED.userText());

            model.byDefault(FakeResponse.unavailable());
            String outage = event("3", "!gpt during an outage");
            LambdaRuntimeEmulator.Invocation failed = fn.invoke(emulator, outage, INVOKE);
            assertThat(MessageCodec.mapper()
                            .readTree(failed.body())
                            .path("batchItemFailures")
                            .get(0)
                            .path("itemIdentifier")
                            .asText())
                    .isEqualTo(MessageCodec.mapper()
                            .readTree(outage)
                            .path("Records")
                            .get(0)
                            .path("messageId")
                            .asText());
            assertThat(texts(0))
                    .as("a retry, not an answer, before the last receive")
                    .isEmpty();
            assertCleanOutput(fn, List.of(FAILURE_PHONE, "throttled once", "during an outage"));
        } finally {
            model.echo();
        }
    }

    /**
     * One line with the measured INIT of the packaged jar, so every verify records a figure: failsafe keeps it in
     * {@code target/failsafe-reports/org.wassist.router.RouterRuntimeIT-output.txt} and the build echoes it after the
     * ITs. Not asserted: timings vary by machine and load; docs/benchmarks.md has the benchmark's figures.
     */
    private static void reportInit(String kind, Duration init) {
        LOG.info("router INIT of the packaged jar ({}): {} ms", kind, init.toMillis());
    }

    private static String event(String n, String text) {
        return Fixtures.textEventJson(FAILURE_PHONE, "3EB0FAILURES00000000000" + n, text);
    }

    private static List<String> texts(int expected) {
        return standIns.takeReplies(expected, expected == 0 ? QUIET : ARRIVAL).stream()
                .map(c -> ((OutboundCommand.SendText) c).text())
                .toList();
    }

    private static void assertNoBatchItemFailures(LambdaRuntimeEmulator.Invocation invocation)
            throws JsonProcessingException {
        assertThat(invocation.status())
                .as("invocation result: %s", invocation.body())
                .isEqualTo(LambdaRuntimeEmulator.Status.RESPONSE);
        JsonNode response = MessageCodec.mapper().readTree(invocation.body());
        assertThat(response.has("batchItemFailures")).as(invocation.body()).isTrue();
        assertThat(response.path("batchItemFailures")).isEmpty();
    }

    /** Every stdout line is one of our JSON log lines. */
    private static List<JsonNode> jsonLines(LambdaProcess fn) throws JsonProcessingException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : fn.stdout()) {
            JsonNode node = MessageCodec.mapper().readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("timestamp") && node.has("level") && node.has("logger") && node.has("message"))
                    .as("a log line of org.wassist:logging: %s", line)
                    .isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    private static List<String> messages(LambdaProcess fn) throws JsonProcessingException {
        return jsonLines(fn).stream().map(n -> n.path("message").asText()).toList();
    }

    /** Nothing on stderr; stdout free of the chat's number and id, the texts and every secret. */
    private static void assertCleanOutput(LambdaProcess fn, List<String> chatData) {
        assertThat(fn.stderr()).isEmpty();
        List<String> sensitive = new ArrayList<>(chatData);
        chatData.stream().filter(v -> v.chars().allMatch(Character::isDigit)).forEach(p -> sensitive.add(p + "@c.us"));
        sensitive.add(RouterStandIns.PSEUDONYM_KEY);
        sensitive.addAll(RouterStandIns.API_KEYS);
        PiiScan.knowing(sensitive).assertClean(fn.stdout());
    }
}
