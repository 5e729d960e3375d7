package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.wassist.testkit.message.Envelopes.ALICE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wassist.dedupe.Deduplicate;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.memory.Exchange;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatModel;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.pipeline.Outcome;
import org.wassist.testkit.message.Envelopes;

/**
 * At-least-once delivery through the assembled assistant: the error boundary and the idempotency step together, with
 * {@code Delivery(attempt, max)} as the inbound queue reports it.
 */
class AssistantRedeliveryTest {
    private final Harness h = Harness.defaults();
    private final Envelope question = Envelopes.text("!gpt What is 2+2?").build();
    private final String key = Deduplicate.keyOf(question);

    private Duration lease() {
        return h.config.idempotency().lease();
    }

    @Test
    void aRedeliveryOfAnAnsweredMessageIsIgnoredWithoutAskingTheModel() {
        h.deliver(question);

        Outcome again = h.deliver(question, 2);

        assertThat(again).isEqualTo(new Outcome.Ignored(Outcome.Reason.DUPLICATE));
        assertThat(h.modelRequests()).hasSize(1);
        assertThat(h.outbox.sent()).hasSize(1);
    }

    @Test
    void whileAnotherDeliveryHoldsTheMessageItIsRetriedLaterAndNothingIsSent() {
        h.processed.claim(key, h.clock.instant(), lease());

        assertThatThrownBy(() -> h.deliver(question, 2)).isInstanceOf(Failure.Transient.class);

        assertThat(h.modelRequests()).isEmpty();
        assertThat(h.outbox.sent()).isEmpty();
    }

    @Test
    void afterTheLeaseOfACrashedDeliveryExpiresTheRedeliveryAnswers() {
        h.processed.claim(key, h.clock.instant(), lease());
        h.clock.advance(lease());

        Outcome outcome = h.deliver(question, 2);

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat"));
        assertThat(h.chatSees(ALICE)).hasSize(1);
    }

    @Test
    void aModelOutageIsRetriedSilentlyAndTheRetryAnswers() {
        h.model.outage().reply("4.");

        Throwable firstAttempt = catchThrowable(() -> h.deliver(question, 1));
        List<OutboundCommand> sentAfterFirstAttempt = h.outbox.sent();
        Outcome retried = h.deliver(question, 2);

        assertThat(firstAttempt).isInstanceOf(Failure.Transient.class);
        assertThat(((Failure) firstAttempt).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        assertThat(sentAfterFirstAttempt).isEmpty();
        assertThat(retried).isEqualTo(new Outcome.Handled("chat"));
        assertThat(h.outbox.sent()).extracting(OutboundCommand::commandId).containsExactly(question.messageId() + "#1");
        assertThat(h.chatSees(ALICE)).containsExactly("4.");
    }

    @Test
    void onTheLastDeliveryAnOutageIsReportedOnceWithE101() {
        h.model.outage();

        Outcome outcome = h.deliver(question, Harness.MAX_ATTEMPTS);

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_UNAVAILABLE));
        assertThat(h.outbox.sent()).singleElement().satisfies(c -> {
            assertThat(c.commandId()).isEqualTo(question.messageId() + "#1");
            assertThat(((OutboundCommand.SendText) c).text()).contains("E101");
        });
        assertThat(h.memory.recent(ALICE, 10)).isEmpty();
    }

    @Test
    void aRefusedQuestionIsApologisedForOnceEvenWhenRedelivered() {
        h.model.rejection();

        Outcome first = h.deliver(question, 1);
        Outcome redelivered = h.deliver(question, 2);

        assertThat(first).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_REJECTED));
        assertThat(redelivered).isEqualTo(new Outcome.Ignored(Outcome.Reason.DUPLICATE));
        assertThat(h.outbox.sent()).singleElement().asString().contains("E102");
        assertThat(h.modelRequests()).hasSize(1);
    }

    @Test
    void aMissingModelKeyIsReportedWithE103AndNotRetried() {
        h.model.fail(new Failure.Permanent(ErrorCode.MODEL_NOT_CONFIGURED, "no key"));

        Outcome outcome = h.deliver(question, 1);

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_NOT_CONFIGURED));
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E103");
        assertThat(h.processed.stateAt(key, h.clock.instant())).isEqualTo(ProcessedMessages.Claim.DONE);
    }

    @Test
    void anAnswerStoredBeforeACrashIsSentAgainWithTheSameIdWithoutAskingTheModel() {
        h.processed.claim(key, h.clock.instant(), lease());
        h.memory.append(ALICE, new Exchange(question.messageId(), "What is 2+2?", "4.", h.clock.instant()));
        h.outbox.send(new OutboundCommand.SendText(question.messageId() + "#1", ALICE, "4.", null, List.of()));
        h.clock.advance(lease());

        Outcome outcome = h.deliver(question, 2);

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat-replayed"));
        assertThat(h.modelRequests()).isEmpty();
        assertThat(h.outbox.sent())
                .extracting(OutboundCommand::commandId)
                .containsExactly(question.messageId() + "#1", question.messageId() + "#1");
        assertThat(h.chatSees(ALICE)).containsExactly("4.");
        assertThat(h.memory.recent(ALICE, 10)).hasSize(2);
    }

    @Test
    void aLongAnswerStoredBeforeACrashIsResentPartForPartUnderTheSameIds() {
        Harness small = Harness.configured(Map.of("REPLY_MAX_CHARS", "500"));
        String answer = ("lorem ipsum ".repeat(40).strip() + "\n\n").repeat(4).strip();
        small.processed.claim(key, small.clock.instant(), lease());
        small.memory.append(ALICE, new Exchange(question.messageId(), "What is 2+2?", answer, small.clock.instant()));
        small.clock.advance(lease());

        Outcome outcome = small.deliver(question, 2);

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat-replayed"));
        assertThat(small.modelRequests()).isEmpty();
        assertThat(small.sentTexts())
                .hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(part.text()).hasSizeLessThanOrEqualTo(500))
                .extracting(OutboundCommand::commandId)
                .containsExactly(
                        question.messageId() + "#1",
                        question.messageId() + "#2",
                        question.messageId() + "#3",
                        question.messageId() + "#4");
    }

    @Test
    void aDeliveryOvertakenByARedeliverySendsTheSameAnswerAsTheRedelivery() {
        AtomicReference<Harness> self = new AtomicReference<>();
        Harness slow = Harness.configured(Map.of("REPLY_MAX_CHARS", "500"), model -> overtakenOnce(self, model));
        self.set(slow);
        String longFirst = ("first ".repeat(80).strip() + "\n\n").repeat(3).strip();
        slow.model.reply("Second answer, short.", longFirst);

        Outcome original = slow.deliver(question, 1);

        assertThat(original).isEqualTo(new Outcome.Handled("chat"));
        assertThat(slow.modelRequests()).hasSize(2);
        assertThat(slow.chatSees(ALICE)).containsExactly("Second answer, short.");
        assertThat(slow.memory.find(ALICE, question.messageId()))
                .map(Exchange::assistantText)
                .contains("Second answer, short.");
    }

    /**
     * A model whose first call outlasts the idempotency lease: while it is still thinking, the queue redelivers the
     * message and that delivery (claiming the expired lease) is answered and stored first.
     */
    private ChatModel overtakenOnce(AtomicReference<Harness> self, ChatModel model) {
        AtomicBoolean overtaken = new AtomicBoolean();
        return request -> {
            if (overtaken.compareAndSet(false, true)) {
                Harness harness = self.get();
                harness.clock.advance(harness.config.idempotency().lease().plusSeconds(1));
                harness.deliver(question, 2);
            }
            return model.complete(request);
        };
    }
}
