package org.wassist.bridge;

import com.sun.net.httpserver.HttpHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.http.HttpFront;
import org.wassist.bridge.http.ReadinessCheck;
import org.wassist.inbound.InboundPublisher;
import org.wassist.media.MediaStore;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;

/**
 * The bridge process minus its channel: HTTP front (/healthz, /readyz, /livez, /qr + extra routes), inbound
 * forwarding (media size limit, storage, publish), the outbound pump (pacing, retries, ack after success), graceful
 * shutdown.
 */
public final class BridgeApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeApp.class);
    private static final Duration CHANNEL_CLOSE_MAX = Duration.ofSeconds(15);

    private final BridgeSettings settings;
    private final Channel channel;
    private final TempDirectory temp;
    private final InboundForwarder forwarder;
    private final OutboundPump pump;
    private final Monitoring monitoring;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private BridgeApp(Builder b) {
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.channel = Objects.requireNonNull(b.channel, "channel");
        InboundPublisher publisher = Objects.requireNonNull(b.publisher, "publisher");
        OutboundQueue outbound = Objects.requireNonNull(b.outbound, "outbound");
        MediaStore media = Objects.requireNonNull(b.media, "media");
        Clock clock = b.clock;
        Pseudonyms pseudonyms = b.pseudonyms == null ? Pseudonyms.ephemeral() : b.pseudonyms;
        this.temp = b.temp == null ? TempDirectory.create(settings.tempRoot()) : b.temp;
        this.forwarder = new InboundForwarder(channel, publisher, media, settings, clock, pseudonyms);
        this.pump = new OutboundPump(channel, outbound, media, settings, clock, pseudonyms, b.sleeper);
        this.monitoring = Monitoring.of(
                new Monitoring.Watched(settings, channel, forwarder, pump, clock, b.checks, b.routes, b.metricsOut));
    }

    /** The part of the budget kept for closing the channel (the browser flushes its profile): a third, at most 15 s. */
    static Duration channelShare(Duration budget) {
        Duration third = budget.dividedBy(3);
        return third.compareTo(CHANNEL_CLOSE_MAX) > 0 ? CHANNEL_CLOSE_MAX : third;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP front, the forwarder and the pump, then the channel. Returns once all are running. */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("a bridge starts once");
            }
            started = true;
        }
        monitoring.http().start();
        forwarder.start();
        channel.start(forwarder);
        pump.start();
        monitoring.metrics().start();
        LOG.info("bridge started: HTTP on port {}", monitoring.http().port());
    }

    /** The bound HTTP port (settings may ask for 0 = any free port). */
    public int port() {
        return monitoring.http().port();
    }

    /** The per-process temp directory (removed by {@link #close()}). */
    public TempDirectory tempDirectory() {
        return temp;
    }

    /**
     * Graceful: stop accepting commands, finish the in-flight send, publish what was already received, close the
     * channel, remove temp files. All of it within the one shutdown budget ({@code SHUTDOWN_GRACE_SECONDS}), which
     * stays below the orchestrator's stop timeout: the pump and the forwarder work until a share of it is left for
     * closing the browser, which gets whatever remains. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LOG.info("bridge stopping within {} s", settings.shutdownGrace().toSeconds());
        Deadline end = Deadline.after(settings.shutdownGrace());
        Deadline work = end.before(channelShare(settings.shutdownGrace()));
        pump.close(work);
        forwarder.close(work);
        monitoring.metrics().close();
        try {
            channel.close(end.remaining());
        } finally {
            monitoring.http().close();
            temp.close();
        }
        LOG.info("bridge stopped");
    }

    /** Collects the bridge's parts; settings, channel, publisher, outbound and media are required. */
    public static final class Builder {
        private @Nullable BridgeSettings settings;
        private @Nullable Channel channel;
        private @Nullable InboundPublisher publisher;
        private @Nullable OutboundQueue outbound;
        private @Nullable MediaStore media;
        private Clock clock = Clock.systemUTC();
        private @Nullable Pseudonyms pseudonyms;
        private final List<ReadinessCheck> checks = new ArrayList<>();
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private @Nullable TempDirectory temp;
        private Sleeper sleeper = Sleeper.REAL;
        private PrintStream metricsOut = EmfMetrics.STDOUT;

        private Builder() {}

        public Builder settings(BridgeSettings value) {
            this.settings = value;
            return this;
        }

        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        public Builder publisher(InboundPublisher value) {
            this.publisher = value;
            return this;
        }

        public Builder outbound(OutboundQueue value) {
            this.outbound = value;
            return this;
        }

        public Builder media(MediaStore value) {
            this.media = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder pseudonyms(Pseudonyms value) {
            this.pseudonyms = value;
            return this;
        }

        /** An extra readiness dependency (queues, the model endpoint …); repeatable. */
        public Builder readinessCheck(ReadinessCheck check) {
            this.checks.add(check);
            return this;
        }

        /** An extra HTTP route under {@code pathPrefix}; repeatable. The built-in paths cannot be replaced. */
        public Builder route(String pathPrefix, HttpHandler handler) {
            if (HttpFront.RESERVED.contains(pathPrefix)) {
                throw new IllegalArgumentException(pathPrefix + " is a built-in route");
            }
            this.routes.put(pathPrefix, handler);
            return this;
        }

        /**
         * The per-process temp directory shared with the channel (which was built first). When not given, the app
         * creates one under the settings' temp root. Either way {@link BridgeApp#close()} removes it.
         */
        public Builder tempDirectory(TempDirectory value) {
            this.temp = value;
            return this;
        }

        /** How pacing waits; tests pass one that advances their clock. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** Where EMF metric lines go (standard output by default, where CloudWatch Logs extracts them). */
        public Builder metricsOutput(PrintStream value) {
            this.metricsOut = value;
            return this;
        }

        public BridgeApp build() {
            return new BridgeApp(this);
        }
    }
}
