package org.wassist.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wassist.outbox.OutboundQueue;
import org.wassist.outbox.OutboundQueue.Received;
import org.wassist.outbox.Outbox;

/**
 * What every {@link OutboundQueue} must do, fed through its {@link Outbox}: receive returns what was sent with its
 * receive count, ack deletes, retryLater brings a command back, an unacknowledged command stays hidden, a chat's
 * commands come in order. Chats are unique per test and commands of other chats are ignored, so a shared queue can
 * run the suite.
 */
public abstract class OutboundQueueContract {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 5;

    protected abstract Outbox producer();

    protected abstract OutboundQueue queue();

    protected static String newChat() {
        return UUID.randomUUID() + "@c.us";
    }

    private static String newId() {
        return UUID.randomUUID() + "#1";
    }

    /** Receives until {@code expected} commands of {@code chat} came (or attempts run out); others are ignored. */
    private List<Received> receive(String chat, int expected, Duration wait) {
        List<Received> got = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS && got.size() < expected; i++) {
            for (Received r : queue().receive(10, wait)) {
                if (r.command().chatId().equals(chat)) {
                    got.add(r);
                }
            }
        }
        return got;
    }

    @Test
    void receivesWhatWasSentWithItsReceiveCount() {
        String chat = newChat();
        var sent = OutboundCommands.text(chat, newId(), "hi");
        producer().send(sent);
        List<Received> got = receive(chat, 1, WAIT);
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo(sent);
            assertThat(r.receiveCount()).isEqualTo(1);
            assertThat(r.receiptHandle()).isNotBlank();
        });
    }

    @Test
    void ackedCommandsAreGone() {
        String chat = newChat();
        producer().send(OutboundCommands.text(chat, newId(), "once"));
        Received r = receive(chat, 1, WAIT).getFirst();
        queue().ack(r);
        assertThat(receive(chat, 1, Duration.ZERO)).isEmpty();
    }

    @Test
    void unacknowledgedCommandsStayHidden() {
        String chat = newChat();
        producer().send(OutboundCommands.text(chat, newId(), "in flight"));
        assertThat(receive(chat, 1, WAIT)).hasSize(1);
        assertThat(receive(chat, 1, Duration.ZERO)).isEmpty();
    }

    @Test
    void retryLaterBringsTheCommandBackWithAHigherCount() {
        String chat = newChat();
        var sent = OutboundCommands.text(chat, newId(), "retry me");
        producer().send(sent);
        queue().retryLater(receive(chat, 1, WAIT).getFirst(), Duration.ZERO);
        List<Received> again = receive(chat, 1, WAIT);
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo(sent);
            assertThat(r.receiveCount()).isEqualTo(2);
        });
    }

    @Test
    void aChatsCommandsComeInOrderAndRepeatsOnce() {
        String chat = newChat();
        String m = UUID.randomUUID().toString();
        for (String id : List.of(m + "#1", m + "#2", m + "#1", m + "#3")) {
            producer().send(OutboundCommands.text(chat, id, id));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS * 2 && ids.size() < 3; i++) {
            for (Received r : receive(chat, 1, WAIT)) {
                ids.add(r.command().commandId());
                queue().ack(r);
            }
        }
        assertThat(ids).containsExactly(m + "#1", m + "#2", m + "#3");
    }
}
