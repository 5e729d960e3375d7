package org.wassist.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.http.Readiness;
import org.wassist.message.MessageCodec;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON line per interval on standard output (CloudWatch Logs
 * turns it into metrics; the CDK alarms read them). Namespace {@code WAssist}, dimension {@code Service=bridge},
 * metrics {@code BridgeReady} and {@code SessionLoggedOut} (1 or 0). A change of the logged-out signal is written at
 * once, not at the next interval, so the alarm fires promptly.
 */
final class EmfMetrics implements AutoCloseable {
    /**
     * Standard output, the one place the bridge writes to it directly: EMF lines must be bare JSON objects, which a
     * logging layout would wrap.
     */
    static final PrintStream STDOUT = System.out;

    static final String NAMESPACE = "WAssist";
    private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);

    private final PrintStream out;
    private final Clock clock;
    private final Duration interval;
    private final Readiness readiness;
    private final Channel channel;
    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean lastLoggedOut;

    EmfMetrics(PrintStream out, Clock clock, Duration interval, Readiness readiness, Channel channel) {
        this.out = out;
        this.clock = clock;
        this.interval = interval;
        this.readiness = readiness;
        this.channel = channel;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long ms = Math.max(1000, interval.toMillis());
        tasks.add(timer.scheduleAtFixedRate(this::emitSafely, ms, ms, TimeUnit.MILLISECONDS));
        tasks.add(timer.scheduleWithFixedDelay(this::watchLogout, 1, 1, TimeUnit.SECONDS));
    }

    private void emitSafely() {
        try {
            emit();
        } catch (RuntimeException e) {
            LOG.warn("cannot write metrics: {}", e.getClass().getSimpleName());
        }
    }

    private void watchLogout() {
        boolean now = channel.status().loggedOut();
        if (now != lastLoggedOut) {
            if (now) {
                LOG.error("ALERT: the WhatsApp session was logged out; re-link the account (scan the new QR on /qr)");
            }
            emitSafely();
        }
    }

    /** Writes one EMF line with the current values. */
    void emit() {
        boolean loggedOut = channel.status().loggedOut();
        lastLoggedOut = loggedOut;
        boolean ready = readiness.evaluate().ready();
        out.println(line(clock.millis(), ready, loggedOut));
        out.flush();
    }

    static String line(long timestampMillis, boolean ready, boolean loggedOut) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Service")));
        directive.put("Metrics", List.of(metric("BridgeReady"), metric("SessionLoggedOut")));
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestampMillis);
        aws.put("CloudWatchMetrics", List.of(directive));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("_aws", aws);
        root.put("Service", "bridge");
        root.put("BridgeReady", ready ? 1 : 0);
        root.put("SessionLoggedOut", loggedOut ? 1 : 0);
        try {
            return MessageCodec.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode metrics", e);
        }
    }

    /** A metric definition with a fixed key order (Map.of iterates in a per-JVM random order). */
    private static Map<String, Object> metric(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("Unit", "Count");
        return m;
    }

    @Override
    public void close() {
        tasks.forEach(t -> t.cancel(false));
        timer.shutdownNow();
    }
}
