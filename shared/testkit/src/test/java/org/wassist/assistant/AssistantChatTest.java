package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.wassist.testkit.message.Envelopes.ALICE;
import static org.wassist.testkit.message.Envelopes.BOB;
import static org.wassist.testkit.message.Envelopes.GROUP;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatMessage;
import org.wassist.model.Speaker;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Outcome;
import org.wassist.testkit.message.Envelopes;

/** Talking to the model through the whole pipeline: what the model is asked, what the chat receives, what is kept. */
class AssistantChatTest {
    private static final String PRE_PROMPT = "You are a terse assistant.";

    @Test
    void aQuestionIsAskedWithThePrePromptAndAnsweredWithExactlyOneMessage() {
        Harness h = Harness.configured(Map.of("PRE_PROMPT", PRE_PROMPT));
        h.model.reply("4.");
        Envelope question = Envelopes.text("!gpt What is 2+2?").build();

        Outcome outcome = h.deliver(question);

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat"));
        assertThat(h.model.lastRequest().messages())
                .containsExactly(ChatMessage.system(PRE_PROMPT), ChatMessage.user("What is 2+2?"));
        assertThat(h.model.lastRequest().maxReplyTokens())
                .isEqualTo(h.config.chat().maxReplyTokens());
        assertThat(h.outbox.sent())
                .containsExactly(
                        new OutboundCommand.SendText(question.messageId() + "#1", ALICE, "4.", null, List.of()));
    }

    @Test
    void theFirstMessageOfANewConversationIsAnsweredWithoutAPrePrompt() {
        Harness h = Harness.configured(Map.of("PRE_PROMPT", ""));
        h.model.reply("Hello!");

        h.deliver(Envelopes.text("!gpt hi").build());

        assertThat(h.model.lastRequest().messages()).containsExactly(ChatMessage.user("hi"));
        assertThat(h.chatSees(ALICE)).containsExactly("Hello!");
    }

    @Test
    void thePrePromptIsTheOnlySystemMessageOnEveryCall() {
        Harness h = Harness.configured(Map.of("PRE_PROMPT", PRE_PROMPT));

        h.deliver(Envelopes.text("!gpt one").build());
        h.deliver(Envelopes.text("!gpt two").build());
        h.deliver(Envelopes.text("!gpt three").build());

        assertThat(h.modelRequests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.messages().getFirst()).isEqualTo(ChatMessage.system(PRE_PROMPT));
            assertThat(request.messages())
                    .filteredOn(m -> m.speaker() == Speaker.SYSTEM)
                    .hasSize(1);
        });
    }

    @Test
    void theSecondQuestionIsAskedWithTheFirstExchange() {
        Harness h = Harness.configured(Map.of("PRE_PROMPT", PRE_PROMPT));
        h.model.reply("Paris.", "About 2.1 million.");
        h.deliver(Envelopes.text("!gpt Capital of France?").build());

        h.deliver(Envelopes.text("!gpt How many people live there?").build());

        assertThat(h.model.lastRequest().messages())
                .containsExactly(
                        ChatMessage.system(PRE_PROMPT),
                        ChatMessage.user("Capital of France?"),
                        ChatMessage.assistant("Paris."),
                        ChatMessage.user("How many people live there?"));
        assertThat(h.chatSees(ALICE)).containsExactly("Paris.", "About 2.1 million.");
    }

    @Test
    void resetForgetsTheConversationSoTheNextQuestionStartsFresh() {
        Harness h = Harness.configured(Map.of("PRE_PROMPT", PRE_PROMPT));
        h.deliver(Envelopes.text("!gpt Capital of France?").build());

        Outcome reset = h.deliver(Envelopes.text("!reset").build());
        h.deliver(Envelopes.text("!gpt And of Spain?").build());

        assertThat(reset).isEqualTo(new Outcome.Handled("reset"));
        assertThat(h.chatSees(ALICE).get(1)).contains("reset");
        assertThat(h.model.lastRequest().messages())
                .containsExactly(ChatMessage.system(PRE_PROMPT), ChatMessage.user("And of Spain?"));
        assertThat(h.modelRequests()).hasSize(2);
    }

    @Test
    void eachChatRemembersOnlyItsOwnConversation() {
        Harness h = Harness.defaults();
        h.deliver(Envelopes.text("!gpt Alice's secret plan").build());

        h.deliver(Envelopes.text("!gpt Bob's question").from(BOB).build());
        h.deliver(Envelopes.text("!reset").from(BOB).build());
        h.deliver(Envelopes.text("!gpt Alice again").build());

        assertThat(h.modelRequests().get(1).messages()).containsExactly(ChatMessage.user("Bob's question"));
        assertThat(h.model.lastRequest().messages())
                .extracting(ChatMessage::content)
                .contains("Alice's secret plan");
    }

    @Test
    void anEmptyQuestionIsAnsweredWithE105ShowingTheConfiguredPrefix() {
        Harness h = Harness.configured(Map.of("GPT_PREFIX", "/ask"));

        Outcome outcome = h.deliver(Envelopes.text("/ask   ").build());

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.EMPTY_PROMPT));
        assertThat(h.chatSees(ALICE))
                .singleElement()
                .asString()
                .contains("E105")
                .contains("/ask What is");
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void aLongAnswerIsSplitIntoMessagesInOrderEachWithinTheLimit() {
        Harness h = Harness.configured(Map.of("REPLY_MAX_CHARS", "500"));
        String answer = paragraphs(6, 180);
        h.model.reply(answer);
        Envelope question = Envelopes.text("!gpt Tell me a long story").build();

        h.deliver(question);

        List<OutboundCommand.SendText> parts = h.sentTexts();
        assertThat(parts)
                .hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.text()).hasSizeLessThanOrEqualTo(500));
        assertThat(parts).extracting(OutboundCommand::commandId).containsExactlyElementsOf(ids(question, parts.size()));
        assertThat(normalised(String.join(
                        " ", parts.stream().map(OutboundCommand.SendText::text).toList())))
                .isEqualTo(normalised(answer));
    }

    @Test
    void theWholeLongAnswerIsRememberedAsOneTurn() {
        Harness h = Harness.configured(Map.of("REPLY_MAX_CHARS", "500"));
        String answer = paragraphs(4, 200);
        h.model.reply(answer);
        h.deliver(Envelopes.text("!gpt Tell me a long story").build());

        h.deliver(Envelopes.text("!gpt Shorter please").build());

        assertThat(h.model.lastRequest().messages()).contains(ChatMessage.assistant(answer));
    }

    @Test
    void groupRepliesQuoteTheQuestionPrivateRepliesDoNot() {
        Harness h = Harness.configured(Map.of("GROUPCHATS_ENABLED", "true"));
        Envelope inGroup = Envelopes.text("!gpt hi all").inGroup(GROUP).build();
        Envelope inPrivate = Envelopes.text("!gpt hi me").build();

        h.deliver(inGroup);
        h.deliver(inPrivate);

        assertThat(h.sentTexts())
                .extracting(OutboundCommand.SendText::chatId, OutboundCommand.SendText::quotedMessageId)
                .containsExactly(tuple(GROUP, inGroup.messageId()), tuple(ALICE, null));
    }

    @Test
    void aGroupSharesOneConversationAcrossItsMembers() {
        Harness h = Harness.configured(Map.of("GROUPCHATS_ENABLED", "true"));
        h.model.reply("Noted.");
        h.deliver(Envelopes.text("!gpt We meet on Friday").inGroup(GROUP).build());

        h.deliver(
                Envelopes.text("!gpt When do we meet?").from(BOB).inGroup(GROUP).build());

        assertThat(h.model.lastRequest().messages())
                .containsExactly(
                        ChatMessage.user("We meet on Friday"),
                        ChatMessage.assistant("Noted."),
                        ChatMessage.user("When do we meet?"));
    }

    @Test
    void aBlankModelAnswerIsReportedAsRefusedAndNotRemembered() {
        Harness h = Harness.defaults();
        h.model.reply("  ");

        Outcome outcome = h.deliver(Envelopes.text("!gpt hi").build());

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_REJECTED));
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E102");
        assertThat(h.memory.recent(ALICE, 10)).isEmpty();
    }

    @Test
    void aQuestionLongerThanTheTokenBudgetIsRefusedWithE104WithoutCallingTheModel() {
        Harness h = Harness.configured(Map.of("MEMORY_MAX_TOKENS", "64"));

        Outcome outcome =
                h.deliver(Envelopes.text("!gpt " + "word ".repeat(200)).build());

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.PROMPT_TOO_LONG));
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E104");
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void oldTurnsBeyondTheTokenBudgetAreLeftOutButTheNewQuestionIsAlwaysSent() {
        Harness h = Harness.configured(Map.of("MEMORY_MAX_TOKENS", "64"));
        h.model.fixed("ok");
        for (int i = 0; i < 10; i++) {
            h.deliver(Envelopes.text("!gpt remember item number " + i).build());
        }

        h.deliver(Envelopes.text("!gpt what was the last item?").build());

        List<ChatMessage> sent = h.model.lastRequest().messages();
        assertThat(sent).last().isEqualTo(ChatMessage.user("what was the last item?"));
        assertThat(sent)
                .hasSizeLessThan(21)
                .first()
                .extracting(ChatMessage::speaker)
                .isEqualTo(Speaker.USER);
        assertThat(sent).extracting(ChatMessage::content).doesNotContain("remember item number 0");
    }

    private static String paragraphs(int count, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = "p" + i + "w";
            sb.append((word + " ").repeat(length / (word.length() + 1)).strip()).append("\n\n");
        }
        return sb.toString().strip();
    }

    private static List<String> ids(Envelope e, int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> e.messageId() + "#" + i)
                .toList();
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
