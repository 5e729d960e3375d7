package org.wassist.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.Speaker;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

class ContextWindowTest {
    /** One token per character keeps the arithmetic visible. */
    private static final TokenCounter CHARS = String::length;

    private static Turn user(String s) {
        return new Turn(Speaker.USER, s, Instant.EPOCH);
    }

    private static Turn assistant(String s) {
        return new Turn(Speaker.ASSISTANT, s, Instant.EPOCH);
    }

    @Test
    void theFirstMessageOfANewConversationIsSentEvenWithoutAnInstruction() {
        List<ChatMessage> messages = new ContextWindow(CHARS, 100).build("", List.of(), "hello");

        assertThat(messages).containsExactly(ChatMessage.user("hello"));
    }

    @Test
    void theInstructionIsTheSystemMessageOnEveryCall() {
        List<ChatMessage> messages =
                new ContextWindow(CHARS, 100).build("Be brief.", List.of(user("q1"), assistant("a1")), "q2");

        assertThat(messages)
                .containsExactly(
                        ChatMessage.system("Be brief."),
                        ChatMessage.user("q1"),
                        ChatMessage.assistant("a1"),
                        ChatMessage.user("q2"));
    }

    @Test
    void oldestTurnsAreDroppedFirstWhenTheBudgetIsExceeded() {
        // budget 40: prompt 2+4=6; each turn 10+4=14 -> two newest turns fit (34), the third would not.
        List<Turn> history = List.of(
                user("u".repeat(10)), assistant("a".repeat(10)), user("v".repeat(10)), assistant("b".repeat(10)));

        List<ChatMessage> messages = new ContextWindow(CHARS, 40).build("", history, "q3");

        assertThat(messages).extracting(ChatMessage::content).containsExactly("v".repeat(10), "b".repeat(10), "q3");
    }

    @Test
    void neverStartsWithAnAnswerWhoseQuestionWasDropped() {
        List<Turn> history = List.of(user("u".repeat(30)), assistant("a".repeat(10)));

        List<ChatMessage> messages = new ContextWindow(CHARS, 30).build("", history, "q");

        assertThat(messages).extracting(ChatMessage::speaker).containsExactly(Speaker.USER);
    }

    @Test
    void aPromptLargerThanTheBudgetIsRejectedWithACode() {
        assertThatThrownBy(() -> new ContextWindow(CHARS, 20).build("", List.of(), "x".repeat(50)))
                .isInstanceOfSatisfying(
                        Failure.Permanent.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.PROMPT_TOO_LONG));
    }
}
