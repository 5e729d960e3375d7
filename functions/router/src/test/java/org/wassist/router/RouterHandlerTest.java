package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.wassist.assistant.Assistant;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.memory.JtokkitTokenCounter;
import org.wassist.memory.TokenCounter;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatMessage;
import org.wassist.observability.Pseudonyms;
import org.wassist.pipeline.ErrorCode;
import org.wassist.testkit.dedupe.InMemoryProcessedMessages;
import org.wassist.testkit.memory.InMemoryConversationStore;
import org.wassist.testkit.model.InMemoryChatModel;
import org.wassist.testkit.outbox.InMemoryOutbox;
import org.wassist.testkit.time.MutableClock;

/**
 * The handler as Lambda calls it, with the repository's SQS event fixtures ({@code samples/events}), over the
 * production assembly of the pipeline and the testkit fakes.
 */
class RouterHandlerTest {
    static final String TEXT_EVENT = Fixtures.TEXT_EVENT;
    static final String BATCH_EVENT = Fixtures.BATCH_EVENT;
    static final TokenCounter TOKENS = JtokkitTokenCounter.forModel("gpt-4o-mini");

    private final MutableClock clock = new MutableClock();
    private final InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
    private final InMemoryConversationStore memory = new InMemoryConversationStore();
    private final InMemoryChatModel model = new InMemoryChatModel();
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    private RouterHandler handler(Map<String, String> env) {
        var ports = new Assistant.Ports(processed, memory, model, outbox, clock);
        var batch = RouterWiring.assemble(ConfigLoader.load(env, Profile.LOCAL), ports, Pseudonyms.ephemeral(), TOKENS);
        return new RouterHandler(() -> batch, () -> {}, () -> TOKENS);
    }

    private SQSBatchResponse handle(RouterHandler handler, SQSEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    private static Envelope envelope(SQSEvent.SQSMessage record) {
        return MessageCodec.decodeEnvelope(record.getBody());
    }

    private static List<String> failures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void aTextMessageProducesExactlyOneReplyWithTheMessagesFirstCommandId(SQSEvent event) {
        Envelope in = envelope(event.getRecords().getFirst());

        SQSBatchResponse response = handle(handler(Map.of()), event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(outbox.sent()).singleElement().isInstanceOfSatisfying(OutboundCommand.SendText.class, reply -> {
            assertThat(reply.commandId()).isEqualTo(in.messageId() + "#1");
            assertThat(reply.chatId()).isEqualTo(in.chatId());
            assertThat(reply.text()).isEqualTo("echo(1 messages): What can you do?");
        });
        assertThat(model.lastRequest().messages()).containsExactly(ChatMessage.user("What can you do?"));
    }

    @ParameterizedTest
    @Event(value = BATCH_EVENT, type = SQSEvent.class)
    void inABatchTheMalformedBodyIsDroppedNotReportedAndTheOthersAreProcessedInOrder(SQSEvent event) {
        List<SQSEvent.SQSMessage> r = event.getRecords();
        assertThat(r).hasSize(4);
        Envelope good = envelope(r.get(0));
        Envelope reset = envelope(r.get(2));
        Envelope group = envelope(r.get(3));

        SQSBatchResponse response = handle(handler(Map.of()), event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(outbox.sent())
                .extracting(OutboundCommand::commandId)
                .containsExactly(good.messageId() + "#1", reset.messageId() + "#1");
        assertThat(outbox.sent()).noneMatch(c -> c.chatId().equals(group.chatId()));
        assertThat(memory.recent(good.chatId(), 10))
                .as("the reset came after the answer")
                .isEmpty();
    }

    @ParameterizedTest
    @Event(value = BATCH_EVENT, type = SQSEvent.class)
    void whenTheFirstRecordFailsTransientlyEveryRecordIsReportedAndNothingIsSent(SQSEvent event) {
        model.outage();

        SQSBatchResponse response = handle(handler(Map.of()), event);

        assertThat(failures(response))
                .containsExactlyElementsOf(event.getRecords().stream()
                        .map(SQSEvent.SQSMessage::getMessageId)
                        .toList());
        assertThat(outbox.sent()).isEmpty();
    }

    @Test
    void aTransientFailureReportsThatRecordAndEveryLaterOneButNoEarlierOne() {
        SQSEvent fixture = EventLoader.loadSQSEvent(BATCH_EVENT);
        List<SQSEvent.SQSMessage> r = fixture.getRecords();
        // good, malformed, group (fails), reset: the reset after the failure must wait for the group message.
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(r.get(0), r.get(1), r.get(3), r.get(2))));
        model.reply("the first answer").outage();
        Envelope good = envelope(r.get(0));

        SQSBatchResponse response = handle(handler(Map.of("GROUPCHATS_ENABLED", "true")), event);

        assertThat(failures(response))
                .containsExactly(r.get(3).getMessageId(), r.get(2).getMessageId());
        assertThat(outbox.sent()).extracting(OutboundCommand::commandId).containsExactly(good.messageId() + "#1");
        assertThat(model.requests()).hasSize(2);
        assertThat(memory.recent(good.chatId(), 10)).as("the reset was not run").hasSize(2);
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void theSameEventDeliveredTwiceIsAnsweredOnce(SQSEvent event) {
        RouterHandler handler = handler(Map.of());

        SQSBatchResponse first = handle(handler, event);
        SQSBatchResponse second = handle(handler, event);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(outbox.sent()).hasSize(1);
        assertThat(model.requests()).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void beforeTheLastReceiveATransientFailureIsRetriedSilently(SQSEvent event) {
        receiveCount(event, RouterWiring.DEFAULT_MAX_RECEIVES - 1);
        model.outage();

        SQSBatchResponse response = handle(handler(Map.of()), event);

        assertThat(failures(response))
                .containsExactly(event.getRecords().getFirst().getMessageId());
        assertThat(outbox.sent()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void onTheLastReceiveTheUserGetsTheE101TextInsteadOfARetry(SQSEvent event) {
        receiveCount(event, RouterWiring.DEFAULT_MAX_RECEIVES);
        model.outage();

        SQSBatchResponse response = handle(handler(Map.of()), event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(outbox.sent())
                .singleElement()
                .isInstanceOfSatisfying(
                        OutboundCommand.SendText.class,
                        reply -> assertThat(reply.text())
                                .isEqualTo(ErrorCode.MODEL_UNAVAILABLE.userText())
                                .endsWith("(E101)"));
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void theLastReceiveFollowsTheConfiguredMaximum(SQSEvent event) {
        receiveCount(event, 3);
        model.outage();

        SQSBatchResponse response = handle(handler(Map.of("INBOUND_MAX_RECEIVES", "3")), event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(outbox.sent())
                .singleElement()
                .isInstanceOfSatisfying(
                        OutboundCommand.SendText.class,
                        reply -> assertThat(reply.text()).endsWith("(E101)"));
    }

    @ParameterizedTest
    @Event(value = TEXT_EVENT, type = SQSEvent.class)
    void aMissingOrUnreadableReceiveCountCountsAsTheFirstDelivery(SQSEvent event) {
        SQSEvent.SQSMessage record = event.getRecords().getFirst();
        record.getAttributes().remove("ApproximateReceiveCount");
        assertThat(RouterHandler.items(event).getFirst().attempt()).isEqualTo(1);

        record.getAttributes().put("ApproximateReceiveCount", "many");
        assertThat(RouterHandler.items(event).getFirst().attempt()).isEqualTo(1);

        record.getAttributes().put("ApproximateReceiveCount", "4");
        assertThat(RouterHandler.items(event).getFirst().attempt()).isEqualTo(4);
        assertThat(RouterHandler.items(event).getFirst().queueMessageId()).isEqualTo(record.getMessageId());
    }

    private static void receiveCount(SQSEvent event, int count) {
        event.getRecords().getFirst().getAttributes().put("ApproximateReceiveCount", Integer.toString(count));
    }
}
