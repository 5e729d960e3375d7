package org.wassist.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.http.Readiness;
import org.wassist.bridge.whatsapp.SessionState;
import org.wassist.message.MessageCodec;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON line per interval on standard output (CloudWatch Logs
 * turns it into metrics; the CDK alarms read them). Namespace {@code WAssist}, the one fixed dimension
 * {@code Service=bridge}, metrics {@code BridgeReady} and one 0/1 gauge per session state ({@code SessionUnpaired},
 * {@code SessionPairing}, {@code SessionConnecting}, {@code SessionConnected}, {@code SessionLoggedOut} …, see
 * {@link #STATE_METRICS}), exactly one of which is 1 for a WhatsApp Web session. A change of state is written at once,
 * not at the next interval, so the logged-out alarm fires promptly.
 */
final class EmfMetrics implements AutoCloseable {
    /**
     * Standard output, the one place the bridge writes to it directly: EMF lines must be bare JSON objects, which a
     * logging layout would wrap.
     */
    static final PrintStream STDOUT = System.out;

    static final String NAMESPACE = "WAssist";

    /**
     * The session state's label (as on /readyz) to its metric name: {@code logged-out} → {@code SessionLoggedOut}, the
     * name the logged-out alarm reads. Fixed, so the metrics never depend on a channel's data.
     */
    static final Map<String, String> STATE_METRICS = stateMetrics();

    private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);

    private final PrintStream out;
    private final Clock clock;
    private final Duration interval;
    private final Readiness readiness;
    private final Channel channel;
    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
    private volatile @Nullable String lastState;

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
        tasks.add(timer.scheduleWithFixedDelay(this::watchState, 1, 1, TimeUnit.SECONDS));
    }

    private void emitSafely() {
        try {
            emit();
        } catch (RuntimeException e) {
            LOG.warn("cannot write metrics: {}", e.getClass().getSimpleName());
        }
    }

    private void watchState() {
        ChannelStatus now = channel.status();
        if (!now.state().equals(lastState)) {
            if (now.loggedOut()) {
                LOG.error("ALERT: the WhatsApp session was logged out; re-link the account (scan the new QR on /qr)");
            }
            emitSafely();
        }
    }

    /** Writes one EMF line with the current values. */
    void emit() {
        String state = channel.status().state();
        lastState = state;
        boolean ready = readiness.evaluate().ready();
        out.println(line(clock.millis(), ready, state));
        out.flush();
    }

    /** One EMF line; {@code state} is the channel's state label (an unknown label sets no state gauge to 1). */
    static String line(long timestampMillis, boolean ready, String state) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        metrics.add(metric("BridgeReady"));
        STATE_METRICS.values().forEach(name -> metrics.add(metric(name)));
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Service")));
        directive.put("Metrics", metrics);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestampMillis);
        aws.put("CloudWatchMetrics", List.of(directive));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("_aws", aws);
        root.put("Service", "bridge");
        root.put("BridgeReady", ready ? 1 : 0);
        STATE_METRICS.forEach((label, name) -> root.put(name, label.equals(state) ? 1 : 0));
        try {
            return MessageCodec.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode metrics", e);
        }
    }

    private static Map<String, String> stateMetrics() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SessionState s : SessionState.values()) {
            m.put(s.label(), metricName(s));
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@code LOGGED_OUT} → {@code SessionLoggedOut}. */
    private static String metricName(SessionState s) {
        StringBuilder name = new StringBuilder("Session");
        boolean wordStart = true;
        for (char c : s.name().toCharArray()) {
            if (c == '_') {
                wordStart = true;
            } else {
                name.append(wordStart ? c : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return name.toString();
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
