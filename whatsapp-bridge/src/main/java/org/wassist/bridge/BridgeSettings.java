package org.wassist.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.wassist.config.Secret;

/**
 * Settings of the bridge process minus its channel. {@link #defaults()} gives the documented defaults;
 * {@link #fromEnvironment(Map)} reads the variables listed in docs/whatsapp-bridge.md and reports every invalid one
 * at once.
 *
 * @param port the HTTP port ({@code PORT}); 0 binds any free port
 * @param mediaMaxBytes inbound media above this size is not fetched ({@code MEDIA_MAX_MB}, 20)
 * @param pacing send pacing against ban risk
 * @param outbound how the outbound queue is consumed
 * @param tempRoot where the per-process temp directory is created ({@code BRIDGE_TEMP_DIR}, default the JVM's)
 * @param qrPageToken the token of the {@code /qr} page ({@code QR_PAGE_TOKEN}); null disables the page
 * @param readinessTimeout how long one readiness check may take ({@code READINESS_TIMEOUT_MS})
 * @param shutdownGrace the whole graceful stop's budget, one deadline shared by every step: the in-flight send,
 *     publishing what was received, closing the browser ({@code SHUTDOWN_GRACE_SECONDS}, 45; keep it below the
 *     orchestrator's stop timeout, 60 s in ECS)
 * @param metricsInterval how often the EMF metrics are written ({@code METRICS_INTERVAL_SECONDS}, 60)
 * @param inboundBuffer how many inbound messages may wait for publishing in memory ({@code INBOUND_BUFFER})
 */
public record BridgeSettings(
        int port,
        long mediaMaxBytes,
        Pacing pacing,
        Outbound outbound,
        Path tempRoot,
        @Nullable Secret qrPageToken,
        Duration readinessTimeout,
        Duration shutdownGrace,
        Duration metricsInterval,
        int inboundBuffer) {

    /** 20 MB: WhatsApp's own document limit is higher, but File IQ and transcription stop here. */
    public static final long DEFAULT_MEDIA_MAX_BYTES = 20L * 1024 * 1024;

    public BridgeSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (mediaMaxBytes < 1) {
            throw new IllegalArgumentException("mediaMaxBytes must be positive");
        }
        if (inboundBuffer < 1) {
            throw new IllegalArgumentException("inboundBuffer must be positive");
        }
    }

    /**
     * Send pacing. Each send waits until {@code globalInterval} has passed since the previous send and
     * {@code chatInterval} since the previous send to the same chat, plus a random jitter up to {@code jitter}. Text
     * replies are preceded by the typing state for {@code typingPerChar} per character, clamped to
     * [{@code typingMin}, {@code typingMax}]. After the session (re)connects nothing is sent for
     * {@code reconnectQuiet}, and during the following {@code reconnectWarmup} the intervals are tripled, so a backlog
     * never leaves in a burst.
     */
    public record Pacing(
            Duration globalInterval,
            Duration chatInterval,
            Duration jitter,
            Duration typingPerChar,
            Duration typingMin,
            Duration typingMax,
            Duration reconnectQuiet,
            Duration reconnectWarmup) {

        public static Pacing defaults() {
            return new Pacing(
                    Duration.ofMillis(1000),
                    Duration.ofMillis(2500),
                    Duration.ofMillis(800),
                    Duration.ofMillis(30),
                    Duration.ofMillis(800),
                    Duration.ofMillis(4000),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(120));
        }

        /** No waiting at all: for tests and the simulator. */
        public static Pacing none() {
            Duration zero = Duration.ZERO;
            return new Pacing(zero, zero, zero, zero, zero, zero, zero, zero);
        }
    }

    /**
     * Consumption of the outbound queue.
     *
     * @param batchSize commands per receive (1–10)
     * @param longPoll how long one receive waits for commands
     * @param retryBase the first retry delay after a failed send; doubled per receive
     * @param retryMax the longest retry delay
     * @param sendTimeout how long one send may take before it counts as failed (retryable)
     * @param visibility the outbound queue's visibility timeout (at least 10 s, and no longer than the queue's own):
     *     the commands still waiting in a batch are kept invisible before it runs out
     */
    public record Outbound(
            int batchSize,
            Duration longPoll,
            Duration retryBase,
            Duration retryMax,
            Duration sendTimeout,
            Duration visibility) {
        /** The deployment's outbound visibility timeout (MessagingStack). */
        public static final Duration DEFAULT_VISIBILITY = Duration.ofMinutes(2);

        public Outbound {
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batchSize must be between 1 and 10");
            }
            if (visibility.compareTo(BatchLease.MARGIN.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("visibility must be at least 10 s");
            }
        }

        /** With the deployment's visibility timeout. */
        public Outbound(int batchSize, Duration longPoll, Duration retryBase, Duration retryMax, Duration sendTimeout) {
            this(batchSize, longPoll, retryBase, retryMax, sendTimeout, DEFAULT_VISIBILITY);
        }

        public static Outbound defaults() {
            return new Outbound(
                    10, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofSeconds(90));
        }
    }

    public static BridgeSettings defaults() {
        return new BridgeSettings(
                8080,
                DEFAULT_MEDIA_MAX_BYTES,
                Pacing.defaults(),
                Outbound.defaults(),
                Path.of(System.getProperty("java.io.tmpdir")),
                null,
                Duration.ofSeconds(3),
                Duration.ofSeconds(45),
                Duration.ofSeconds(60),
                1000);
    }

    /** Reads the settings from environment variables; unset ones keep their defaults. */
    public static BridgeSettings fromEnvironment(Map<String, String> env) {
        return SettingsReader.bridge(env);
    }

    public BridgeSettings withPort(int newPort) {
        return with(c -> c.port = newPort);
    }

    public BridgeSettings withPacing(Pacing newPacing) {
        return with(c -> c.pacing = newPacing);
    }

    public BridgeSettings withOutbound(Outbound newOutbound) {
        return with(c -> c.outbound = newOutbound);
    }

    public BridgeSettings withTempRoot(Path newTempRoot) {
        return with(c -> c.tempRoot = newTempRoot);
    }

    public BridgeSettings withQrPageToken(@Nullable Secret token) {
        return with(c -> c.qrPageToken = token);
    }

    public BridgeSettings withMediaMaxBytes(long newMax) {
        return with(c -> c.mediaMaxBytes = newMax);
    }

    public BridgeSettings withMetricsInterval(Duration newInterval) {
        return with(c -> c.metricsInterval = newInterval);
    }

    public BridgeSettings withInboundBuffer(int newBuffer) {
        return with(c -> c.inboundBuffer = newBuffer);
    }

    /** A copy with what {@code change} sets; the one place that lists every component for copying. */
    private BridgeSettings with(Consumer<Copy> change) {
        Copy c = new Copy();
        change.accept(c);
        return new BridgeSettings(
                c.port,
                c.mediaMaxBytes,
                c.pacing,
                c.outbound,
                c.tempRoot,
                c.qrPageToken,
                c.readinessTimeout,
                c.shutdownGrace,
                c.metricsInterval,
                c.inboundBuffer);
    }

    /** The components of a copy being made: this record's, until a {@code with…} method sets one. */
    private final class Copy {
        int port = BridgeSettings.this.port;
        long mediaMaxBytes = BridgeSettings.this.mediaMaxBytes;
        Pacing pacing = BridgeSettings.this.pacing;
        Outbound outbound = BridgeSettings.this.outbound;
        Path tempRoot = BridgeSettings.this.tempRoot;

        @Nullable
        Secret qrPageToken = BridgeSettings.this.qrPageToken;

        Duration readinessTimeout = BridgeSettings.this.readinessTimeout;
        Duration shutdownGrace = BridgeSettings.this.shutdownGrace;
        Duration metricsInterval = BridgeSettings.this.metricsInterval;
        int inboundBuffer = BridgeSettings.this.inboundBuffer;
    }
}
