package org.wassist.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
    static final String CHAT = "4915100000001@c.us";
    static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    @Test
    void entriesSurviveReopeningInOrderPerChat() {
        Path file = dir.resolve("simulator/transcript.jsonl");
        try (Transcript t = Transcript.open(file)) {
            t.append(in("m1", "hello"));
            t.append(entry("other@c.us", TranscriptEntry.IN, "m2", "elsewhere"));
            t.append(out("m1#1", "hi"));
        }

        try (Transcript reopened = Transcript.open(file)) {
            assertThat(reopened.chat(CHAT)).containsExactly(in("m1", "hello"), out("m1#1", "hi"));
            assertThat(reopened.chats()).containsExactly(CHAT, "other@c.us");
        }
    }

    @Test
    void aTornLastLineIsSkippedAndAppendingContinues() throws IOException {
        Path file = helloThenTornLine();

        try (Transcript t = Transcript.open(file)) {
            assertThat(t.chat(CHAT)).containsExactly(in("m1", "hello"));
        }
    }

    @Test
    void aMessageIsListedBeforeAReplyThatArrivesWhileItIsBeingPublished() throws InterruptedException {
        try (Transcript t = Transcript.open(dir.resolve("transcript.jsonl"))) {
            Thread[] reply = new Thread[1];
            t.appendThen(in("m1", "hello"), () -> {
                // The reply is performed while the message is still being published; it must wait for the message.
                reply[0] = Thread.ofPlatform().start(() -> t.append(out("m1#1", "hi")));
                while (reply[0].getState() != Thread.State.BLOCKED && reply[0].getState() != Thread.State.TERMINATED) {
                    LockSupport.parkNanos(1_000_000);
                }
            });
            reply[0].join();

            assertThat(t.chat(CHAT)).containsExactly(in("m1", "hello"), out("m1#1", "hi"));
        }
    }

    @Test
    void theMessageIsOnDiskBeforeItIsPublished() {
        Path file = dir.resolve("transcript.jsonl");
        List<TranscriptEntry> onDiskWhilePublishing = new ArrayList<>();
        try (Transcript t = Transcript.open(file)) {
            t.appendThen(in("m1", "hello"), () -> {
                // What a kill -9 at this moment would leave: a new run reads the file.
                try (Transcript afterCrash = Transcript.open(file)) {
                    onDiskWhilePublishing.addAll(afterCrash.chat(CHAT));
                }
            });
        }

        assertThat(onDiskWhilePublishing).containsExactly(in("m1", "hello"));
    }

    @Test
    void aMessageWhosePublishingFailedIsWithdrawnAlsoAfterAReopen() {
        Path file = dir.resolve("transcript.jsonl");
        try (Transcript t = Transcript.open(file)) {
            t.append(in("m0", "accepted earlier"));
            assertThatThrownBy(() -> t.appendThen(in("m1", "hello"), () -> {
                        throw new IllegalStateException("queue down");
                    }))
                    .hasMessage("queue down");

            assertThat(t.chat(CHAT)).containsExactly(in("m0", "accepted earlier"));
        }
        try (Transcript reopened = Transcript.open(file)) {
            assertThat(reopened.chat(CHAT)).containsExactly(in("m0", "accepted earlier"));
        }
    }

    @Test
    void aChatWhoseOnlyMessageWasWithdrawnIsNotListed() {
        try (Transcript t = Transcript.open(dir.resolve("transcript.jsonl"))) {
            assertThatThrownBy(() -> t.appendThen(in("m1", "hello"), () -> {
                throw new IllegalStateException("queue down");
            }));

            assertThat(t.chats()).isEmpty();
            assertThat(t.chat(CHAT)).isEmpty();
        }
    }

    @Test
    void aWithdrawnMessageThatWasAnsweredAfterAllStaysListedBeforeItsReply() {
        Path file = dir.resolve("transcript.jsonl");
        try (Transcript t = Transcript.open(file)) {
            // The queue took the message although the publisher reported a failure (a timeout after the send).
            assertThatThrownBy(() -> t.appendThen(in("m1", "hello"), () -> {
                throw new IllegalStateException("timed out");
            }));
            t.append(out("m1#1", "hi"));

            assertThat(t.chat(CHAT)).containsExactly(in("m1", "hello"), out("m1#1", "hi"));
        }
        try (Transcript reopened = Transcript.open(file)) {
            assertThat(reopened.chat(CHAT)).containsExactly(in("m1", "hello"), out("m1#1", "hi"));
        }
    }

    @Test
    void aMessageGivenTwiceIsWithdrawnOnlyWhereItsPublishingFailed() {
        try (Transcript t = Transcript.open(dir.resolve("transcript.jsonl"))) {
            TranscriptEntry first = in("m1", "hello");
            TranscriptEntry again = entry(CHAT, TranscriptEntry.IN, "m1", "hello", T.plusSeconds(5));
            t.appendThen(first, () -> {});
            t.append(out("m1#1", "hi"));
            assertThatThrownBy(() -> t.appendThen(again, () -> {
                throw new IllegalStateException("queue down");
            }));

            assertThat(t.chat(CHAT)).containsExactly(first, out("m1#1", "hi"));
        }
    }

    @Test
    void entriesAppendedAfterATornLineSurviveTheNextReopen() throws IOException {
        Path file = helloThenTornLine();
        try (Transcript t = Transcript.open(file)) {
            t.append(out("m1#1", "hi"));
        }

        try (Transcript t = Transcript.open(file)) {
            assertThat(t.chat(CHAT)).containsExactly(in("m1", "hello"), out("m1#1", "hi"));
        }
    }

    private static TranscriptEntry in(String id, String text) {
        return entry(CHAT, TranscriptEntry.IN, id, text);
    }

    private static TranscriptEntry out(String id, String text) {
        return entry(CHAT, TranscriptEntry.OUT, id, text);
    }

    private static TranscriptEntry entry(String chat, String direction, String id, String text) {
        return entry(chat, direction, id, text, T);
    }

    private static TranscriptEntry entry(String chat, String direction, String id, String text, Instant at) {
        return new TranscriptEntry(chat, direction, id, text, "text", at);
    }

    /** A transcript holding one message, then the start of a line a crash cut short. */
    private Path helloThenTornLine() throws IOException {
        Path file = dir.resolve("transcript.jsonl");
        try (Transcript t = Transcript.open(file)) {
            t.append(in("m1", "hello"));
        }
        Files.writeString(
                file, "{\"chatId\":\"" + CHAT + "\",\"direc", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return file;
    }
}
