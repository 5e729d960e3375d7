package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.MediaDownload;
import org.wassist.bridge.channel.MediaTooLargeException;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.standins.Await;
import org.wassist.testkit.inbound.InMemoryInboundPublisher;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.message.Envelopes;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

class InboundForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long LIMIT = 1000;

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final ScriptedChannel channel = new ScriptedChannel();
    private final InMemoryInboundPublisher queue = new InMemoryInboundPublisher();
    private final AtomicInteger publishFailures = new AtomicInteger();
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private BridgeApp app;

    /** Fails while {@link #publishFailures} is positive, then publishes to the in-memory queue. */
    private final InboundPublisher flaky = e -> {
        if (publishFailures.getAndDecrement() > 0) {
            throw new IllegalStateException("queue unreachable");
        }
        queue.publish(e);
    };

    @BeforeEach
    void start() {
        app = BridgeApp.builder()
                .settings(
                        BridgeSettings.defaults().withPort(0).withTempRoot(tmp).withMediaMaxBytes(LIMIT))
                .channel(channel)
                .publisher(flaky)
                .outbound(new InMemoryOutboundQueue(clock))
                .media(media)
                .clock(clock)
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream()))
                .build();
        app.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A message as the channel hands it over: the kind known, the media not downloaded yet. */
    private static Envelope envelope(String id, MessageType type) {
        return Envelopes.text("caption").id(id).channel("wa-web").type(type).build();
    }

    /** A download that serves fixed bytes or throws, and counts fetches. */
    private static final class Download implements MediaDownload {
        final long declared;
        final byte @Nullable [] bytes;
        final @Nullable ChannelException failure;
        final AtomicInteger fetches = new AtomicInteger();

        Download(long declared, byte @Nullable [] bytes, @Nullable ChannelException failure) {
            this.declared = declared;
            this.bytes = bytes;
            this.failure = failure;
        }

        @Override
        public long declaredSize() {
            return declared;
        }

        @Override
        public String mimeType() {
            return "audio/ogg; codecs=opus";
        }

        @Override
        public @Nullable String fileName() {
            return null;
        }

        @Override
        public byte[] fetch(long maxBytes) throws ChannelException {
            fetches.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return Objects.requireNonNull(bytes).clone();
        }
    }

    private Envelope published(int n) {
        assertThat(Await.until(() -> queue.published().size() >= n, WAIT)).isTrue();
        return queue.published().get(n - 1);
    }

    @Test
    void mediaWithinTheLimitIsStoredUnderInboundAndTheEnvelopePublished() throws Exception {
        byte[] bytes = {1, 2, 3, 4};
        Envelope e = envelope("m1", MessageType.VOICE);
        channel.receive(new InboundMessage(e, new Download(4, bytes, null)));
        Envelope out = published(1);
        Media m = Objects.requireNonNull(out.media());
        assertThat(m.status()).isEqualTo(Media.Status.STORED);
        assertThat(m.storageKey()).startsWith("inbound/2026/06/01/").endsWith(".ogg");
        assertThat(m.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(media.get(Objects.requireNonNull(m.storageKey()))
                        .orElseThrow()
                        .bytes())
                .isEqualTo(bytes);
        assertThat(Await.until(() -> channel.delivered().size() == 1, WAIT)).isTrue();
        assertThat(channel.delivered()).containsExactly(out);
    }

    @Test
    void declaredSizeOverTheLimitIsNotFetched() {
        Download d = new Download(LIMIT + 1, new byte[0], null);
        channel.receive(new InboundMessage(envelope("m2", MessageType.DOCUMENT), d));
        Media m = Objects.requireNonNull(published(1).media());
        assertThat(m.status()).isEqualTo(Media.Status.TOO_LARGE);
        assertThat(m.size()).isEqualTo(LIMIT + 1);
        assertThat(d.fetches.get()).isZero();
        assertThat(media.size()).isZero();
    }

    @Test
    void undeclaredOversizeAndUnavailableMediaAreMarked() {
        channel.receive(new InboundMessage(
                envelope("m3", MessageType.VIDEO), new Download(-1, null, new MediaTooLargeException(5000, LIMIT))));
        channel.receive(new InboundMessage(
                envelope("m4", MessageType.IMAGE), new Download(10, null, new ChannelException("gone", false))));
        assertThat(Objects.requireNonNull(published(1).media()).status()).isEqualTo(Media.Status.TOO_LARGE);
        assertThat(Objects.requireNonNull(published(2).media()).status()).isEqualTo(Media.Status.UNAVAILABLE);
    }

    @Test
    void publishingIsRetriedUntilTheQueueAcceptsAndOrderIsKept() {
        publishFailures.set(2);
        Envelope a = envelope("a", MessageType.TEXT);
        Envelope b = envelope("b", MessageType.TEXT);
        channel.receive(new InboundMessage(a, null));
        channel.receive(new InboundMessage(b, null));
        published(2);
        assertThat(queue.published()).containsExactly(a, b);
        assertThat(Await.until(() -> channel.delivered().size() == 2, WAIT)).isTrue();
    }
}
