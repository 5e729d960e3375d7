package org.wassist.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

class InMemoryChatModelTest extends ChatModelContract {
    private final InMemoryChatModel model = new InMemoryChatModel();

    @Override
    protected ChatModel model() {
        return model;
    }

    @Override
    protected void scriptReply(String text) {
        model.reply(text);
    }

    @Override
    protected void scriptOutage() {
        model.outage();
    }

    @Override
    protected void scriptRejection() {
        model.rejection();
    }

    @Override
    protected Received lastReceived() {
        ChatRequest last = model.lastRequest();
        return new Received(last.messages(), last.maxReplyTokens());
    }

    @Test
    void recordsEveryRequestInOrder() {
        ChatRequest first = new ChatRequest(List.of(ChatMessage.user("one")), 10);
        ChatRequest second = new ChatRequest(List.of(ChatMessage.user("two")), 20);

        model.complete(first);
        model.complete(second);

        assertThat(model.requests()).containsExactly(first, second);
    }

    @Test
    void throwsTheScriptedFailureItself() {
        Failure.Permanent failure = new Failure.Permanent(ErrorCode.MODEL_NOT_CONFIGURED, "no key");
        model.fail(failure);

        assertThatThrownBy(() -> model.complete(new ChatRequest(List.of(ChatMessage.user("x")), 10)))
                .isSameAs(failure);
        assertThat(model.pending()).isZero();
    }

    @Test
    void fixedTextAnswersUnscriptedCallsUntilEchoIsRestored() {
        ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hello")), 10);
        model.fixed("same");

        assertThat(model.complete(request).text()).isEqualTo("same");
        assertThat(model.complete(request).text()).isEqualTo("same");
        model.echo();
        assertThat(model.complete(request).text()).isEqualTo("echo(1 messages): hello");
    }

    @Test
    void countsWordsAsTokens() {
        var reply = model.reply("three word answer")
                .complete(new ChatRequest(List.of(ChatMessage.system("Be kind"), ChatMessage.user("hi")), 10));

        assertThat(reply.promptTokens()).isEqualTo((2 + 1) + (1 + 1));
        assertThat(reply.completionTokens()).isEqualTo(3);
        assertThat(reply.model()).isEqualTo(InMemoryChatModel.MODEL_NAME);
    }

    @Test
    void refusesToReportALastRequestBeforeAnyCall() {
        assertThatThrownBy(model::lastRequest).isInstanceOf(IllegalStateException.class);
    }
}
