package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;
import org.wassist.testkit.logs.LogCapture;

/**
 * The bridge's own replies in the "message yourself" chat are never taken for the user's commands: not live, not in
 * the catch-up after the page reloads, not in the catch-up after a restart on the same profile (where the page's
 * memory of what the bridge sent is gone). A new command the user writes there still arrives.
 */
class SelfChatIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CATCH_UP_DONE = "catch-up after connect";

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    @BeforeEach
    void emptyInboundQueue() {
        Stack.inbound(e -> false, 1, Duration.ofSeconds(1));
    }

    @Test
    void aReplyInTheSelfChatStaysOutOfTheInboundQueueAfterAPageReload() {
        try (LogCapture logs = LogCapture.start();
                FakeWhatsApp wa = new FakeWhatsApp();
                BridgeUnderTest bridge = new BridgeUnderTest(dir.resolve("tmp"), settings(wa), Stack.parts())) {
            bridge.awaitState("unpaired");
            wa.command("scan");
            bridge.awaitState("connected");
            commandAnswered(wa, "3EB0SELFRL01", "self-reload-1");

            long catchUps = catchUps(logs);
            wa.command("reload");
            awaitCatchUp(logs, catchUps);

            assertOnlyTheNewCommandArrives(wa, "3EB0SELFRL02");
        }
    }

    @Test
    void aReplyInTheSelfChatStaysOutOfTheInboundQueueAfterARestart() {
        try (LogCapture logs = LogCapture.start();
                FakeWhatsApp wa = new FakeWhatsApp()) {
            try (BridgeUnderTest first = new BridgeUnderTest(dir.resolve("tmp"), settings(wa), Stack.parts())) {
                first.awaitState("unpaired");
                wa.command("scan");
                first.awaitState("connected");
                commandAnswered(wa, "3EB0SELFRS01", "self-restart-1");
            }
            long catchUps = catchUps(logs);

            try (BridgeUnderTest second = new BridgeUnderTest(dir.resolve("tmp"), settings(wa), Stack.parts())) {
                second.awaitState("connected");
                awaitCatchUp(logs, catchUps);

                assertOnlyTheNewCommandArrives(wa, "3EB0SELFRS02");
            }
        }
    }

    private WhatsAppSettings settings(FakeWhatsApp wa) {
        return BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null);
    }

    /** The user writes a command to themself; it arrives; the bridge answers in the same chat. */
    private static void commandAnswered(FakeWhatsApp wa, String stanza, String commandId) {
        Map<String, Object> command = Raw.own(Raw.ME, stanza, "!gpt remind me what I asked");
        wa.command("receive", Map.of("msg", command));
        assertThat(Stack.inbound(SelfChatIT::inSelfChat, 1, WAIT))
                .extracting(Envelope::messageId)
                .containsExactly(Raw.id(command));

        Stack.outbox()
                .send(new OutboundCommand.SendText(commandId, Raw.ME, "You asked me to remind you", null, List.of()));
        assertThat(Await.until(
                        () -> wa.calls("addAndSendMsgToChat").stream()
                                .anyMatch(c -> c.path("chat").asText().equals(Raw.ME)),
                        WAIT))
                .isTrue();
        assertThat(Await.until(() -> Stack.outboundDepth() == 0, WAIT))
                .as("the reply was accepted and its command deleted")
                .isTrue();
        assertThat(Stack.inbound(SelfChatIT::inSelfChat, 1, Duration.ofSeconds(2)))
                .as("the live reply is not inbound")
                .isEmpty();
    }

    /**
     * After the catch-up ran, a new command is the first and only self-chat message on the queue: a republished reply
     * would be published by the catch-up, before it.
     */
    private static void assertOnlyTheNewCommandArrives(FakeWhatsApp wa, String stanza) {
        Map<String, Object> next = Raw.own(Raw.ME, stanza, "!gpt and one more thing");
        wa.command("receive", Map.of("msg", next));

        assertThat(Stack.inbound(SelfChatIT::inSelfChat, 1, WAIT))
                .extracting(Envelope::messageId)
                .containsExactly(Raw.id(next));
        assertThat(Stack.inbound(SelfChatIT::inSelfChat, 1, Duration.ofSeconds(3)))
                .as("nothing else arrives")
                .isEmpty();
    }

    private static boolean inSelfChat(Envelope e) {
        return e.chatId().equals(Raw.ME);
    }

    private static long catchUps(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.contains(CATCH_UP_DONE)).count();
    }

    private static void awaitCatchUp(LogCapture logs, long before) {
        assertThat(Await.until(() -> catchUps(logs) > before, WAIT))
                .as("a catch-up ran after the session connected again")
                .isTrue();
    }
}
