package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wassist.bridge.BridgeSettings;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.standins.Await;
import org.wassist.standins.StandIns;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Failed sends in real Chromium on ElasticMQ's FIFO queues: a chat's later text waits for the retry of its failed one,
 * and a send that fails every time backs off between attempts and ends in the outbound dead-letter queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundRetryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SEND = "addAndSendMsgToChat";

    private final Path dir = ShortTempDir.create();
    private final BridgeSettings settings = BridgeUnderTest.settings(dir.resolve("tmp"));
    private FakeWhatsApp wa;
    private BridgeUnderTest bridge;

    @BeforeAll
    void linked() {
        wa = new FakeWhatsApp();
        bridge = BridgeUnderTest.linked(dir, wa);
    }

    @AfterAll
    void stop() {
        bridge.close();
        wa.close();
        ShortTempDir.delete(dir);
    }

    private List<JsonNode> sends(String chat) {
        return wa.calls(SEND).stream()
                .filter(c -> c.path("chat").asText().equals(chat))
                .toList();
    }

    private void failNextSends(int times) {
        int before = wa.calls("command-done").size();
        wa.command("fail", Map.of("target", SEND, "times", times));
        assertThat(Await.until(() -> wa.calls("command-done").size() > before, WAIT))
                .isTrue();
    }

    @Test
    void aChatsNextTextWaitsForTheRetryOfItsFailedOne() throws InterruptedException {
        String chat = "447700900951@c.us";
        failNextSends(1);
        Offline.queueWhileDisconnected(wa, bridge, settings.outbound().longPoll(), () -> {
            Stack.outbox().send(new OutboundCommand.SendText("out-951", chat, "first", null, List.of()));
            Stack.outbox().send(new OutboundCommand.SendText("out-952", chat, "second", null, List.of()));
        });

        assertThat(Await.until(() -> sends(chat).size() >= 3, WAIT))
                .as("sends: %s", sends(chat))
                .isTrue();
        assertThat(Await.until(() -> Stack.outboundDepth() == 0, WAIT)).isTrue();
        assertThat(sends(chat))
                .extracting(c -> c.path("body").asText() + (c.path("failed").asBoolean() ? " (failed)" : ""))
                .containsExactly("first (failed)", "first", "second");
    }

    @Test
    void aSendThatAlwaysFailsBacksOffAndEndsInTheDeadLetterQueue() {
        String chat = "447700900961@c.us";
        failNextSends(ElasticMq.MAX_RECEIVE_COUNT);
        Stack.outbox().send(new OutboundCommand.SendText("out-961", chat, "never accepted", null, List.of()));

        List<OutboundCommand> dead = deadLetters("out-961");
        assertThat(dead).as("in %s", ElasticMq.OUTBOUND_DLQ).hasSize(1);
        List<JsonNode> attempts = sends(chat);
        assertThat(attempts)
                .hasSize(ElasticMq.MAX_RECEIVE_COUNT)
                .allMatch(c -> c.path("failed").asBoolean());
        for (int receive = 1; receive < attempts.size(); receive++) {
            long gap = attempts.get(receive).path("at").asLong()
                    - attempts.get(receive - 1).path("at").asLong();
            assertThat(gap)
                    .as("pause after receive %d", receive)
                    .isGreaterThanOrEqualTo(backoff(receive).toMillis() - 50);
        }
        assertThat(Stack.outboundDepth()).isZero();
    }

    /** The bridge's backoff after the n-th receive failed: base × 2^(n−1), at most the maximum. */
    private Duration backoff(int receive) {
        Duration d = settings.outbound().retryBase().multipliedBy(1L << (receive - 1));
        return d.compareTo(settings.outbound().retryMax()) > 0
                ? settings.outbound().retryMax()
                : d;
    }

    /** Receives (and deletes) the outbound DLQ's messages until the command appears, or the wait is over. */
    private static List<OutboundCommand> deadLetters(String commandId) {
        String dlq = StandIns.sqs().queueUrl(ElasticMq.OUTBOUND_DLQ);
        List<OutboundCommand> found = new ArrayList<>();
        Await.until(
                () -> {
                    for (Message m : Stack.aws()
                            .sqs()
                            .receiveMessage(
                                    b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1))
                            .messages()) {
                        Stack.aws().sqs().deleteMessage(b -> b.queueUrl(dlq).receiptHandle(m.receiptHandle()));
                        OutboundCommand c = MessageCodec.decodeCommand(m.body());
                        if (c.commandId().equals(commandId)) {
                            found.add(c);
                        }
                    }
                    return !found.isEmpty();
                },
                WAIT);
        return found;
    }
}
