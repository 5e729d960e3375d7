package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJournalTest {
    @TempDir
    Path dir;

    @Test
    void remembersDeliveredIdsAndTheWatermarkAcrossReopening() throws Exception {
        Instant t1 = Instant.parse("2026-06-01T10:00:00Z");
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.watermark()).isEmpty();
            j.delivered("false_447700900123@c.us_A", t1);
            j.connectedAt(t1.plusSeconds(30));
            assertThat(j.version("2.3000.1")).isNull();
        }
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.contains("false_447700900123@c.us_A")).isTrue();
            assertThat(j.contains("false_447700900123@c.us_B")).isFalse();
            assertThat(j.watermark()).contains(t1.plusSeconds(30));
            assertThat(j.version("2.3000.2")).isEqualTo("2.3000.1");
        }
        String text = Files.readString(dir.resolve(SessionJournal.FILE), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("447700900123").doesNotContain("@c.us");
        assertThat(Files.getPosixFilePermissions(dir.resolve(SessionJournal.FILE)))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void remembersTheMessagesTheBridgeSentAcrossReopeningAndCompaction() throws Exception {
        try (SessionJournal j = SessionJournal.open(dir)) {
            j.sent("true_15550001234@c.us_BRIDGE01");
            assertThat(j.sentByBridge("true_15550001234@c.us_BRIDGE01")).isTrue();
        }
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.sentByBridge("true_15550001234@c.us_BRIDGE01")).isTrue();
            assertThat(j.sentByBridge("true_15550001234@c.us_USER01")).isFalse();
            assertThat(j.contains("true_15550001234@c.us_BRIDGE01"))
                    .as("sent is not delivered")
                    .isFalse();
            assertThat(j.watermark()).as("sending moves no watermark").isEmpty();
        }
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.sentByBridge("true_15550001234@c.us_BRIDGE01"))
                    .as("kept by the second compaction")
                    .isTrue();
        }
        String text = Files.readString(dir.resolve(SessionJournal.FILE), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("15550001234").doesNotContain("BRIDGE01");
    }

    @Test
    void keepsOnlyTheNewestSentIds() {
        try (SessionJournal j = SessionJournal.open(dir)) {
            for (int i = 0; i <= SessionJournal.MAX_SENT; i++) {
                j.sent("sent-" + i);
            }
            assertThat(j.sentByBridge("sent-0")).isFalse();
            assertThat(j.sentByBridge("sent-1")).isTrue();
        }
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.sentByBridge("sent-0")).isFalse();
            assertThat(j.sentByBridge("sent-1")).isTrue();
            assertThat(j.sentByBridge("sent-" + SessionJournal.MAX_SENT)).isTrue();
        }
    }

    @Test
    void ignoresATornLastLine() throws Exception {
        try (SessionJournal j = SessionJournal.open(dir)) {
            j.delivered("m1", Instant.ofEpochSecond(100));
        }
        Files.writeString(dir.resolve(SessionJournal.FILE), "d 12", java.nio.file.StandardOpenOption.APPEND);
        try (SessionJournal j = SessionJournal.open(dir)) {
            assertThat(j.contains("m1")).isTrue();
        }
    }

    @Test
    void catchUpStartsTenMinutesBeforeTheWatermarkButNotBeforeTheMaximumAge() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        assertThat(CatchUp.since(null, now, Duration.ofDays(3))).isNull();
        assertThat(CatchUp.since(now.minusSeconds(3600), now, Duration.ofDays(3)))
                .isEqualTo(now.minusSeconds(3600 + 600));
        assertThat(CatchUp.since(now.minus(Duration.ofDays(30)), now, Duration.ofDays(3)))
                .isEqualTo(now.minus(Duration.ofDays(3)));
    }
}
