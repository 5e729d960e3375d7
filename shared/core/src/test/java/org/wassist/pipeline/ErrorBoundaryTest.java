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

class ErrorBoundaryTest {
    private final List<OutboundCommand> sent = new ArrayList<>();

    private Outcome run(Delivery delivery, RuntimeException thrown) {
        Envelope e = Envelopes.direct("hi");
        MessageContext ctx =
                MessageContext.of(e, delivery, new Replies(e, sent::add), Clock.fixed(Envelopes.AT, ZoneOffset.UTC));
        return new ErrorBoundary().handle(ctx, c -> {
            throw thrown;
        });
    }

    private String repliedText() {
        return ((OutboundCommand.SendText) sent.getFirst()).text();
    }

    @Test
    void aPermanentFailureIsAnsweredOnceWithItsCode() {
        Outcome o = run(
                new Delivery(1, 5), new Failure.Permanent(ErrorCode.MODEL_REJECTED, "400 from provider: bad words"));

        assertThat(o).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_REJECTED));
        assertThat(repliedText()).contains("E102").doesNotContain("bad words", "400");
    }

    @Test
    void aTransientFailureIsRetriedSilentlyBeforeTheLastDelivery() {
        Failure.Transient t = new Failure.Transient(ErrorCode.MODEL_UNAVAILABLE, "timeout");

        assertThatThrownBy(() -> run(new Delivery(2, 5), t)).isSameAs(t);
        assertThat(sent).isEmpty();
    }

    @Test
    void onTheLastDeliveryTheUserIsToldInsteadOfHearingNothing() {
        Outcome o = run(new Delivery(5, 5), new Failure.Transient(ErrorCode.MODEL_UNAVAILABLE, "timeout"));

        assertThat(o).isEqualTo(new Outcome.Rejected(ErrorCode.MODEL_UNAVAILABLE));
        assertThat(repliedText()).contains("E101");
    }

    @Test
    void bugsAreRetriedThenReportedAsInternal() {
        IllegalStateException bug = new IllegalStateException("boom");

        assertThatThrownBy(() -> run(new Delivery(1, 3), bug)).isSameAs(bug);
        assertThat(run(new Delivery(3, 3), bug)).isEqualTo(new Outcome.Rejected(ErrorCode.INTERNAL));
        assertThat(repliedText()).contains("E900");
    }

    @Test
    void describesCausesByClassOnly() {
        String d = ErrorBoundary.describe(
                new RuntimeException("secret text", new IllegalArgumentException("4915100000001")));

        assertThat(d).isEqualTo("RuntimeException <- IllegalArgumentException");
    }
}
