package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wassist.aws.sqs.SqsInboundPublisher;
import org.wassist.bridge.BridgeSettings;
import org.wassist.bridge.MediaKeys;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;
import org.wassist.standins.Await;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.testkit.logs.LogCapture;

/**
 * The limits of the inbound path in real Chromium, on a bridge with a tiny inbound buffer and media limit: messages
 * the full buffer refused reach the queue once each, in order, without a restart; media over the limit never reaches
 * the bucket, also when the message did not declare its size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BUFFER = 2;
    private static final long LIMIT = 1024;

    private final Path dir = ShortTempDir.create();
    private final List<String> published = Collections.synchronizedList(new ArrayList<>());
    /** While false the queue is "unreachable": every publish fails. */
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    private LogCapture logs;
    private FakeWhatsApp wa;
    private BridgeUnderTest bridge;

    @BeforeAll
    void linked() {
        Stack.inbound(e -> false, 1, Duration.ofSeconds(1));
        logs = LogCapture.start();
        wa = new FakeWhatsApp();
        BridgeSettings settings = BridgeUnderTest.settings(dir.resolve("tmp"))
                .withInboundBuffer(BUFFER)
                .withMediaMaxBytes(LIMIT);
        bridge = new BridgeUnderTest(
                dir.resolve("tmp"),
                BridgeUnderTest.whatsApp(dir.resolve("profile"), wa.url(""), null),
                gated(),
                settings);
        bridge.awaitState("unpaired");
        wa.command("scan");
        bridge.awaitState("connected");
    }

    @AfterAll
    void stop() {
        bridge.close();
        wa.close();
        logs.close();
        ShortTempDir.delete(dir);
    }

    private BridgeUnderTest.Parts gated() {
        InboundPublisher sqs = new SqsInboundPublisher(Stack.aws().sqs(), Stack.inboundUrl());
        InboundPublisher gated = e -> {
            if (!reachable.get()) {
                throw new IllegalStateException("the queue is unreachable");
            }
            sqs.publish(e);
            published.add(e.messageId());
        };
        BridgeUnderTest.Parts real = Stack.parts();
        return new BridgeUnderTest.Parts(gated, real.outbound(), real.media(), real.checks());
    }

    private boolean logged(String text) {
        return logs.lines().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void messagesRefusedByAFullBufferReachTheQueueOnceEachAndInOrder() {
        String chat = "447700900601@c.us";
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 1; i <= 4 * BUFFER + 2; i++) {
            messages.add(Raw.direct(chat, "3EB0FULL%02d".formatted(i), "chat", "message " + i));
        }
        reachable.set(false);
        try {
            messages.forEach(m -> wa.command("receive", Map.of("msg", m)));
            assertThat(Await.until(() -> logged("refusing inbound messages"), WAIT))
                    .as("the buffer filled up")
                    .isTrue();
            assertThat(Await.until(() -> receivesDone() >= messages.size(), WAIT))
                    .isTrue();
        } finally {
            reachable.set(true);
        }

        List<String> ids = messages.stream().map(Raw::id).toList();
        assertThat(Stack.inbound(e -> e.chatId().equals(chat), ids.size(), WAIT))
                .extracting(Envelope::messageId)
                .containsExactlyElementsOf(ids);
        assertThat(Stack.inbound(e -> e.chatId().equals(chat), 1, Duration.ofSeconds(3)))
                .as("no repeats on the queue")
                .isEmpty();
        Await.until(() -> published.containsAll(ids), WAIT);
        assertThat(published.stream().filter(ids::contains).toList())
                .as("each published exactly once, in order, counted before the queue's deduplication")
                .containsExactlyElementsOf(ids);
        assertThat(logged("catch-up after the inbound buffer drained")).isTrue();
    }

    private long receivesDone() {
        return wa.calls("command-done").stream()
                .filter(c -> c.path("op").asText().equals("receive"))
                .count();
    }

    @Test
    void mediaOverTheLimitNeverReachesTheBucketAlsoWhenItsSizeWasNotDeclared() {
        String chat = "447700900701@c.us";
        Sender sender = new Sender(chat, "447700900701", null);
        byte[] small = new byte[(int) LIMIT / 2];
        byte[] large = new byte[(int) LIMIT * 4 + 7];
        Map<String, Object> fits =
                undeclared(Raw.media(Raw.direct(chat, "3EB0UNDSMALL", "image", ""), "image/jpeg", small, ""));
        Map<String, Object> over =
                undeclared(Raw.media(Raw.direct(chat, "3EB0UNDLARGE", "video", ""), "video/mp4", large, ""));
        Map<String, Object> told =
                undeclared(Raw.media(Raw.direct(chat, "3EB0UNDTOLD", "document", ""), "application/pdf", small, ""));
        told.put("mediaStage", "INIT");
        told.put("sizeOnResolve", LIMIT * 3);
        Map<String, Long> before = inboundObjects();
        for (Map<String, Object> m : List.of(fits, over, told)) {
            wa.command("receive", Map.of("msg", m));
        }

        List<Envelope> got = Stack.inbound(e -> e.chatId().equals(chat), 3, WAIT);

        assertThat(got).hasSize(3);
        assertThat(got.get(0))
                .isEqualTo(Expected.from(fits, sender)
                        .type(MessageType.IMAGE)
                        .stored(got.get(0), "image/jpeg", small, null)
                        .envelope());
        assertThat(got.get(1))
                .as("downloaded in the page, refused before any byte reached the bridge")
                .isEqualTo(Expected.from(over, sender)
                        .type(MessageType.VIDEO)
                        .media(Media.notStored(Media.Status.TOO_LARGE, "video/mp4", large.length, null))
                        .envelope());
        assertThat(got.get(2))
                .as("refused as soon as resolving told the size")
                .isEqualTo(Expected.from(told, sender)
                        .type(MessageType.DOCUMENT)
                        .media(Media.notStored(Media.Status.TOO_LARGE, "application/pdf", LIMIT * 3, null))
                        .envelope());
        assertThat(wa.calls("downloadAndMaybeDecrypt"))
                .extracting(c -> c.path("directPath").asText())
                .contains((String) fits.get("directPath"), (String) over.get("directPath"))
                .doesNotContain((String) told.get("directPath"));
        Map<String, Long> added = new java.util.HashMap<>(inboundObjects());
        added.keySet().removeAll(before.keySet());
        assertThat(added)
                .as("only the media within the limit was stored")
                .containsExactly(Map.entry(
                        Objects.requireNonNull(
                                Objects.requireNonNull(got.get(0).media()).storageKey()),
                        (long) small.length));
    }

    /** As WhatsApp Web holds a media message that does not give its size. */
    private static Map<String, Object> undeclared(Map<String, Object> m) {
        m.remove("size");
        return m;
    }

    /** The objects under {@code inbound/} in the bucket, by key, with their sizes. */
    private static Map<String, Long> inboundObjects() {
        Map<String, Long> out = new java.util.HashMap<>();
        Stack.aws()
                .s3()
                .listObjectsV2Paginator(b -> b.bucket(S3Proxy.MEDIA_BUCKET).prefix(MediaKeys.INBOUND_PREFIX))
                .contents()
                .forEach(o -> out.put(o.key(), o.size()));
        return out;
    }
}
