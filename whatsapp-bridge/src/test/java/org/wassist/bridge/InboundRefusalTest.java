package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.inbound.InboundPublisher;
import org.wassist.standins.Await;
import org.wassist.testkit.media.InMemoryMediaStore;
import org.wassist.testkit.message.Envelopes;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

/**
 * The forwarder's buffer is full: it refuses messages, keeps refusing until everything buffered was published (so a
 * chat's refused messages cannot be overtaken by later ones), then tells the channel once that it has room again.
 */
class InboundRefusalTest {
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final ScriptedChannel channel = new ScriptedChannel();
    private final List<String> published = Collections.synchronizedList(new ArrayList<>());
    /** Publishing waits for a permit: the queue is "unreachable" until the test hands some out. */
    private final Semaphore permits = new Semaphore(0);

    private final AtomicInteger publishing = new AtomicInteger();
    private BridgeApp app;

    private final InboundPublisher gated = e -> {
        publishing.incrementAndGet();
        try {
            if (!permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no permit");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        published.add(e.messageId());
    };

    @BeforeEach
    void start() {
        app = BridgeApp.builder()
                .settings(
                        BridgeSettings.defaults().withPort(0).withTempRoot(tmp).withInboundBuffer(2))
                .channel(channel)
                .publisher(gated)
                .outbound(new InMemoryOutboundQueue(clock))
                .media(new InMemoryMediaStore())
                .clock(clock)
                .metricsOutput(new PrintStream(OutputStream.nullOutputStream()))
                .build();
        app.start();
    }

    @AfterEach
    void stop() {
        permits.release(100);
        app.close();
    }

    private static InboundMessage text(String id) {
        return new InboundMessage(
                Envelopes.text("hello").id(id).channel("wa-web").build(), null);
    }

    private void awaitPublishing(int n) {
        assertThat(Await.until(() -> publishing.get() >= n, WAIT)).isTrue();
    }

    @Test
    void aFullBufferRefusesUntilItHasDrainedThenSaysSoOnce() {
        assertThat(channel.receive(text("m1"))).isTrue();
        awaitPublishing(1);
        assertThat(channel.receive(text("m2"))).isTrue();
        assertThat(channel.receive(text("m3"))).isTrue();

        assertThat(channel.receive(text("m4"))).as("the buffer is full").isFalse();
        permits.release(1);
        awaitPublishing(2);
        assertThat(channel.receive(text("m5")))
                .as("refused although one place is free: m4 must not be overtaken")
                .isFalse();
        assertThat(channel.resumed()).isZero();

        permits.release(2);
        assertThat(Await.until(() -> channel.resumed() == 1, WAIT))
                .as("room again")
                .isTrue();
        permits.release(1);
        assertThat(channel.receive(text("m4"))).isTrue();
        assertThat(Await.until(() -> published.size() == 4, WAIT)).isTrue();
        assertThat(published).containsExactly("m1", "m2", "m3", "m4");
        assertThat(channel.resumed()).isEqualTo(1);
    }
}
