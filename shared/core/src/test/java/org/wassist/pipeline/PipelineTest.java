package org.wassist.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;

class PipelineTest {
    private final List<String> trace = new ArrayList<>();
    private final List<OutboundCommand> sent = new ArrayList<>();

    private MessageContext ctx(Envelope e) {
        return MessageContext.of(
                e, Delivery.first(), new Replies(e, sent::add), Clock.fixed(Envelopes.AT, ZoneOffset.UTC));
    }

    private Step named(String name) {
        return (c, next) -> {
            trace.add(name + ">");
            Outcome o = next.proceed(c);
            trace.add("<" + name);
            return o;
        };
    }

    @Test
    void stepsRunInOrderAroundTheTerminal() {
        Pipeline p = Pipeline.of(List.of(named("a"), named("b")), (c, next) -> {
            trace.add("route");
            return new Outcome.Handled("x");
        });

        assertThat(p.run(ctx(Envelopes.direct("hi")))).isEqualTo(new Outcome.Handled("x"));
        assertThat(trace).containsExactly("a>", "b>", "route", "<b", "<a");
    }

    @Test
    void aStepThatDoesNotCallNextStopsTheChain() {
        Pipeline p = Pipeline.of(
                List.of((c, next) -> new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED), named("b")),
                (c, next) -> new Outcome.Handled("x"));

        assertThat(p.run(ctx(Envelopes.direct("hi")))).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED));
        assertThat(trace).isEmpty();
    }

    @Test
    void callingNextTwiceIsAnError() {
        Pipeline p = Pipeline.of(
                List.of((c, next) -> {
                    next.proceed(c);
                    return next.proceed(c);
                }),
                (c, next) -> new Outcome.Handled("x"));

        assertThatThrownBy(() -> p.run(ctx(Envelopes.direct("hi")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTerminalThatPassesOnMeansNotAddressed() {
        Pipeline p = Pipeline.of(List.of(), (c, next) -> next.proceed(c));

        assertThat(p.run(ctx(Envelopes.direct("hi")))).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ADDRESSED));
    }

    @Test
    void repliesGetDeterministicIdsAndQuoteOnlyInGroups() {
        MessageContext direct = ctx(Envelopes.direct("hi"));
        direct.reply("one");
        direct.withRole(Role.OWNER).reply("two");
        ctx(Envelopes.group("hi")).reply("three");

        assertThat(sent).extracting(OutboundCommand::commandId).containsExactly("m-1#1", "m-1#2", "m-1#1");
        assertThat(((OutboundCommand.SendText) sent.get(0)).quotedMessageId()).isNull();
        assertThat(((OutboundCommand.SendText) sent.get(2)).quotedMessageId()).isEqualTo("m-1");
    }
}
