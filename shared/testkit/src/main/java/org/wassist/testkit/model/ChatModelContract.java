package org.wassist.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

/**
 * What every {@link ChatModel} must do, run against {@link InMemoryChatModel} and against each real adapter talking
 * to a fake server. A subclass supplies one model per test, a way to script what the model (or its server) does on
 * the next call, and a view of what it received. Unscripted calls must answer with the fakes' shared echo, {@code
 * echo(<n> messages): <last user message>}, and usage must be reported.
 */
public abstract class ChatModelContract {
    /** The user text in failure cases; a fake server may quote it in its error body, but no failure may show it. */
    protected static final String SECRET_QUESTION = "my private question 7f3a9";

    /** What the model (or the server behind it) received in a call. */
    public record Received(List<ChatMessage> messages, int maxReplyTokens) {}

    /** The model under test; the same instance for the whole test. */
    protected abstract ChatModel model();

    /** The next call answers with this text. */
    protected abstract void scriptReply(String text);

    /** The next call fails as an outage does: server errors that outlast any retries. */
    protected abstract void scriptOutage();

    /** The next call is refused as a bad request. */
    protected abstract void scriptRejection();

    /** What the model received in the most recent call. */
    protected abstract Received lastReceived();

    @Test
    void returnsTheReplyTextUnchanged() {
        String text = "Paris is the capital of France. 🇫🇷\n\nAsk me anything — \"quoted\" too.";
        scriptReply(text);

        ChatReply reply = model().complete(request(ChatMessage.user("Capital of France?")));

        assertThat(reply.text()).isEqualTo(text);
    }

    @Test
    void messagesArriveInOrderWithTheirRoles() {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("You are a WhatsApp assistant."),
                ChatMessage.user("Hi, I'm Ana."),
                ChatMessage.assistant("Hello Ana!"),
                ChatMessage.user("What is my name?"));

        model().complete(new ChatRequest(messages, 200));

        assertThat(lastReceived().messages()).containsExactlyElementsOf(messages);
    }

    @Test
    void theReplyLimitReachesTheModel() {
        model().complete(new ChatRequest(List.of(ChatMessage.user("Tell me a story")), 123));

        assertThat(lastReceived().maxReplyTokens()).isEqualTo(123);
    }

    @Test
    void anUnscriptedCallEchoesWhatTheModelReceived() {
        ChatReply reply = model().complete(request(ChatMessage.system("Be brief."), ChatMessage.user("Hello there")));

        assertThat(reply.text()).isEqualTo("echo(2 messages): Hello there");
    }

    @Test
    void reportsTheModelAndTokenUsage() {
        ChatReply reply = model().complete(request(ChatMessage.user("How many tokens is this?")));

        assertThat(reply.model()).isNotBlank();
        assertThat(reply.promptTokens()).isPositive();
        assertThat(reply.completionTokens()).isPositive();
    }

    @Test
    void successiveCallsGetSuccessiveReplies() {
        scriptReply("first");
        scriptReply("second");

        assertThat(model().complete(request(ChatMessage.user("one"))).text()).isEqualTo("first");
        assertThat(model().complete(request(ChatMessage.user("two"))).text()).isEqualTo("second");
    }

    @Test
    void anOutageIsTransientModelUnavailable() {
        scriptOutage();

        Failure.Transient failure = catchThrowableOfType(
                Failure.Transient.class, () -> model().complete(request(ChatMessage.user(SECRET_QUESTION))));

        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        assertThat(failure.getMessage()).doesNotContain(SECRET_QUESTION);
    }

    @Test
    void aRejectedRequestIsPermanent() {
        scriptRejection();

        Failure.Permanent failure = catchThrowableOfType(
                Failure.Permanent.class, () -> model().complete(request(ChatMessage.user(SECRET_QUESTION))));

        assertThat(failure).isNotNull();
        assertThat(failure.code()).isIn(ErrorCode.MODEL_REJECTED, ErrorCode.PROMPT_TOO_LONG);
        assertThat(failure.getMessage()).doesNotContain(SECRET_QUESTION);
    }

    @Test
    void theModelAnswersAgainAfterAFailure() {
        scriptOutage();
        scriptReply("back again");
        ChatRequest request = request(ChatMessage.user("Are you there?"));
        assertThatThrownBy(() -> model().complete(request)).isInstanceOf(Failure.Transient.class);

        assertThat(model().complete(request).text()).isEqualTo("back again");
    }

    @Test
    void concurrentCallsEachGetOneAnswer() throws Exception {
        int calls = 40;
        Set<String> scripted = new HashSet<>();
        for (int i = 0; i < calls; i++) {
            scripted.add("answer " + i);
            scriptReply("answer " + i);
        }
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < calls; i++) {
                ChatRequest r = request(ChatMessage.user("question " + i));
                answers.add(pool.submit(() -> model().complete(r).text()));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> f : answers) {
                got.add(f.get());
            }
            assertThat(got).hasSize(calls).doesNotHaveDuplicates();
            assertThat(new HashSet<>(got)).isEqualTo(scripted);
        }
    }

    private static ChatRequest request(ChatMessage... messages) {
        return new ChatRequest(List.of(messages), 100);
    }
}
