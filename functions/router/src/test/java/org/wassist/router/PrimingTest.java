package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.wassist.message.OutboundCommand;

/** SnapStart priming over the sample bundled in the jar: in-process only (no stand-ins run in unit tests). */
class PrimingTest {
    private static final String SAMPLE_CHAT = "4915100000001@c.us";
    private static final String SAMPLE_MESSAGE = "3EB0SAMPLE0000000000001";

    @Test
    void primingRunsTheBundledSampleThroughTheWholePipelineToTheOutbox() {
        Priming.Result result = Priming.run(RouterHandlerTest.TOKENS);

        assertThat(result.messages()).isEqualTo(1);
        assertThat(result.commands()).singleElement().isInstanceOfSatisfying(OutboundCommand.SendText.class, reply -> {
            assertThat(reply.chatId()).isEqualTo(SAMPLE_CHAT);
            assertThat(reply.commandId()).isEqualTo(SAMPLE_MESSAGE + "#1");
            assertThat(reply.text()).isEqualTo("primed");
        });
    }

    @Test
    void primingKeepsNoStateBetweenRuns() {
        Priming.Result first = Priming.run(RouterHandlerTest.TOKENS);
        Priming.Result second = Priming.run(RouterHandlerTest.TOKENS);

        assertThat(second.commands())
                .as("not remembered as done, nor as a conversation")
                .isEqualTo(first.commands());
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void theBundledSampleIsTheRepositorysFixture() throws IOException {
        Path fixture = Path.of(System.getProperty("wassist.repo.root"), "samples/events/sqs-inbound-text.json");
        try (InputStream bundled = Priming.class.getResourceAsStream(Priming.SAMPLE_EVENT)) {
            assertThat(bundled).isNotNull();
            assertThat(bundled.readAllBytes()).isEqualTo(Files.readAllBytes(fixture));
        }
    }
}
