package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wassist.testkit.message.Envelopes.ALICE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wassist.model.ChatMessage;
import org.wassist.testkit.message.Envelopes;

/** A batch from the inbound FIFO queue: what is processed, what is reported for redelivery, what is dropped. */
class InboundBatchTest {
    private final Harness h = Harness.defaults();
    private final InboundBatch batch = new InboundBatch(h.assistant, Harness.MAX_ATTEMPTS);

    private static InboundBatch.Item item(String queueId, String body) {
        return new InboundBatch.Item(queueId, body, 1);
    }

    @Test
    void aBatchThatSucceedsIsProcessedInOrderAndNothingIsReported() {
        List<InboundBatch.Item> items = List.of(
                item("q1", Envelopes.text("!gpt one").json()),
                item("q2", Envelopes.text("!gpt two").json()),
                item("q3", Envelopes.text("!gpt three").json()));

        List<String> failed = batch.process(items);

        assertThat(failed).isEmpty();
        assertThat(h.modelRequests())
                .extracting(r -> r.messages().getLast().content())
                .containsExactly("one", "two", "three");
    }

    @Test
    void afterTheFirstFailureTheRestIsReportedFailedWithoutBeingProcessed() {
        h.model.reply("answer one").outage();
        List<InboundBatch.Item> items = List.of(
                item("q1", Envelopes.text("!gpt one").json()),
                item("q2", Envelopes.text("!gpt two").json()),
                item("q3", Envelopes.text("!gpt three").json()),
                item("q4", Envelopes.text("!help").json()));

        List<String> failed = batch.process(items);

        assertThat(failed).containsExactly("q2", "q3", "q4");
        assertThat(h.modelRequests())
                .extracting(r -> r.messages().getLast())
                .containsExactly(ChatMessage.user("one"), ChatMessage.user("two"));
        assertThat(h.chatSees(ALICE)).containsExactly("answer one");
    }

    @Test
    void theRedeliveredRestIsProcessedInItsOriginalOrder() {
        h.model.reply("answer one").outage();
        List<InboundBatch.Item> first = List.of(
                item("q1", Envelopes.text("!gpt one").json()),
                item("q2", Envelopes.text("!gpt two").json()),
                item("q3", Envelopes.text("!gpt three").json()));
        List<String> failed = batch.process(first);

        List<String> failedAgain = batch.process(first.stream()
                .filter(i -> failed.contains(i.queueMessageId()))
                .map(i -> new InboundBatch.Item(i.queueMessageId(), i.body(), 2))
                .toList());

        assertThat(failedAgain).isEmpty();
        assertThat(h.chatSees(ALICE)).hasSize(3).first().isEqualTo("answer one");
        assertThat(h.modelRequests())
                .extracting(r -> r.messages().getLast().content())
                .containsExactly("one", "two", "two", "three");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"chatId\": ",
                "[1, 2]",
                "null",
                "{\"channel\":\"sim\",\"chatId\":\"x@c.us\",\"messageId\":\"m-x\"}",
                "{\"channel\":\"sim\",\"chatId\":\"x@c.us\",\"messageId\":\"m-x\",\"chatType\":\"DIRECT\","
                        + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"type\":\"TEXT\",\"text\":\"!gpt hi\"}"
            })
    void aMalformedBodyIsDroppedNotReportedAndDoesNotStopTheBatch(String body) {
        List<InboundBatch.Item> items = List.of(
                item("bad", body), item("ok", Envelopes.text("!gpt still here").json()));

        List<String> failed = batch.process(items);

        assertThat(failed).isEmpty();
        assertThat(h.outbox.sent()).singleElement().extracting(c -> c.chatId()).isEqualTo(ALICE);
        assertThat(h.modelRequests()).hasSize(1);
    }

    @Test
    void theAttemptNumberDecidesWhetherAnOutageIsRetriedOrReported() {
        h.model.outage().outage();
        String body = Envelopes.text("!gpt hi").json();

        List<String> early = batch.process(List.of(new InboundBatch.Item("q1", body, 1)));
        List<String> last = batch.process(List.of(new InboundBatch.Item("q1", body, Harness.MAX_ATTEMPTS)));

        assertThat(early).containsExactly("q1");
        assertThat(last).isEmpty();
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E101");
    }

    @Test
    void anAttemptBeyondTheConfiguredMaximumCountsAsTheLast() {
        h.model.outage();

        List<String> failed = batch.process(
                List.of(new InboundBatch.Item("q1", Envelopes.text("!gpt hi").json(), Harness.MAX_ATTEMPTS + 3)));

        assertThat(failed).isEmpty();
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E101");
    }
}
