package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import org.wassist.pipeline.Failure;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.message.Envelopes;

/**
 * What one message leaves in the logs, however it ends: every line carries its pseudonyms (the error boundary's
 * failure lines included), exactly one line states its outcome and, for a failure, the decision taken, and nothing
 * of its context leaks into later lines.
 */
class AssistantLogsTest {
    private static final String OUTCOME = "message processed ";

    @RegisterExtension
    final LogCapture logs = LogCapture.perTest();

    private final Envelope question = Envelopes.text("!gpt What is 2+2?").build();

    @Test
    void anAnsweredMessageHasOneOutcomeLineWithItsPseudonyms() throws JsonProcessingException {
        Harness h = Harness.defaults();

        h.deliver(question);

        assertThat(outcomeLines()).singleElement().satisfies(line -> {
            assertThat(message(line)).startsWith(OUTCOME + "outcome=handled:chat decision=done ");
            assertCarriesPseudonymsOf(h, line);
        });
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aModelOutageBeforeTheLastDeliveryIsLoggedAsFailedAndRedelivered() throws JsonProcessingException {
        Harness h = Harness.defaults();
        h.model.outage();

        Throwable thrown = catchThrowable(() -> h.deliver(question, 1));

        assertThat(thrown).isInstanceOf(Failure.Transient.class);
        assertThat(outcomeLines())
                .singleElement()
                .satisfies(line -> assertThat(message(line))
                        .startsWith(OUTCOME + "outcome=failed:E101 decision=redeliver ")
                        .contains("attempt=1"));
        assertThat(failureLines())
                .singleElement()
                .satisfies(line -> assertThat(message(line)).startsWith("transient failure code=E101"));
        assertEveryLineCarriesPseudonymsOf(h);
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aModelOutageOnTheLastDeliveryIsLoggedAsFailedAndAnswered() throws JsonProcessingException {
        Harness h = Harness.defaults();
        h.model.outage();

        h.deliver(question, Harness.MAX_ATTEMPTS);

        assertThat(outcomeLines())
                .singleElement()
                .satisfies(
                        line -> assertThat(message(line)).startsWith(OUTCOME + "outcome=failed:E101 decision=answer "));
        assertThat(failureLines()).hasSize(1);
        assertEveryLineCarriesPseudonymsOf(h);
    }

    @Test
    void aRefusedQuestionIsLoggedAsFailedAndAnsweredWithItsPseudonyms() throws JsonProcessingException {
        Harness h = Harness.defaults();
        h.model.rejection();

        h.deliver(question);

        assertThat(outcomeLines())
                .singleElement()
                .satisfies(
                        line -> assertThat(message(line)).startsWith(OUTCOME + "outcome=failed:E102 decision=answer "));
        assertThat(failureLines())
                .singleElement()
                .satisfies(line -> assertThat(message(line)).startsWith("permanent failure code=E102"));
        assertEveryLineCarriesPseudonymsOf(h);
    }

    @Test
    void aBugIsLoggedWithItsPseudonymsAndRedeliveredUntilTheLastDelivery() throws JsonProcessingException {
        Harness h = Harness.configured(Map.of(), model -> request -> {
            throw new IllegalStateException("a bug");
        });

        Throwable firstAttempt = catchThrowable(() -> h.deliver(question, 1));
        h.deliver(question, Harness.MAX_ATTEMPTS);

        assertThat(firstAttempt).isInstanceOf(IllegalStateException.class);
        assertThat(outcomeLines())
                .extracting(AssistantLogsTest::message)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith(OUTCOME + "outcome=failed:E900 decision=redeliver "),
                        last -> assertThat(last).startsWith(OUTCOME + "outcome=failed:E900 decision=answer "));
        assertThat(failureLines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.path("level").asText()).isEqualTo("ERROR"));
        assertEveryLineCarriesPseudonymsOf(h);
    }

    @Test
    void aRedeliveredMessageGetsItsOwnOutcomeLine() throws JsonProcessingException {
        Harness h = Harness.defaults();

        h.deliver(question, 1);
        h.deliver(question, 2);

        assertThat(outcomeLines())
                .extracting(AssistantLogsTest::message)
                .satisfiesExactly(
                        first -> assertThat(first).contains("outcome=handled:chat", "attempt=1"),
                        again -> assertThat(again).contains("outcome=ignored:duplicate decision=done", "attempt=2"));
        assertEveryLineCarriesPseudonymsOf(h);
    }

    @Test
    void inABatchTheFailedMessageIsLoggedAndTheMessagesLeftBehindAreNot() throws JsonProcessingException {
        Harness h = Harness.defaults();
        h.model.outage();
        InboundBatch batch = new InboundBatch(h.assistant, Harness.MAX_ATTEMPTS);

        List<String> failed = batch.process(List.of(
                new InboundBatch.Item("q1", MessageCodec.encode(question), 1),
                new InboundBatch.Item("q2", Envelopes.text("!gpt later").json(), 1)));

        assertThat(failed).containsExactly("q1", "q2");
        assertThat(outcomeLines()).singleElement().satisfies(line -> {
            assertThat(message(line)).contains("outcome=failed:E101 decision=redeliver");
            assertCarriesPseudonymsOf(h, line);
        });
        assertThat(lines())
                .filteredOn(line -> message(line).startsWith("batch left for redelivery"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(message(line)).contains("queueMessageId=q1", "messages=2", "of=2");
                    assertThat(line.has("msg"))
                            .as("a batch line belongs to no one message")
                            .isFalse();
                });
    }

    private List<JsonNode> lines() throws JsonProcessingException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : logs.lines()) {
            parsed.add(MessageCodec.mapper().readTree(line));
        }
        return parsed;
    }

    private List<JsonNode> outcomeLines() throws JsonProcessingException {
        return lines().stream().filter(l -> message(l).startsWith(OUTCOME)).toList();
    }

    private List<JsonNode> failureLines() throws JsonProcessingException {
        return lines().stream()
                .filter(l -> l.path("logger").asText().endsWith(".ErrorBoundary"))
                .toList();
    }

    private static String message(JsonNode line) {
        return line.path("message").asText();
    }

    private void assertEveryLineCarriesPseudonymsOf(Harness h) throws JsonProcessingException {
        assertThat(lines())
                .filteredOn(l -> l.path("logger").asText().startsWith("org.wassist.pipeline."))
                .isNotEmpty()
                .allSatisfy(line -> assertCarriesPseudonymsOf(h, line));
    }

    private void assertCarriesPseudonymsOf(Harness h, JsonNode line) {
        assertThat(line.path("msg").asText()).as(line.toString()).isEqualTo(h.pseudonyms.message(question.messageId()));
        assertThat(line.path("chat").asText()).as(line.toString()).isEqualTo(h.pseudonyms.chat(question.chatId()));
        assertThat(line.path("sender").asText())
                .as(line.toString())
                .isEqualTo(h.pseudonyms.user(question.sender().id()));
    }
}
