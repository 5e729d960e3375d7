package org.wassist.bridge;

import com.sun.net.httpserver.HttpHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.http.HttpFront;
import org.wassist.bridge.http.Readiness;
import org.wassist.bridge.http.ReadinessCheck;

/**
 * What the bridge shows the outside, and what it is made of: {@code /readyz} checks the channel, inbound publishing
 * and the given dependencies; {@code /livez} checks that the channel's worker, the forwarder and the pump make
 * progress; the EMF metrics report readiness and the session state.
 *
 * @param http the HTTP front: health endpoints, the QR page, extra routes
 * @param metrics the EMF metrics
 */
record Monitoring(HttpFront http, EmfMetrics metrics) {

    /** The parts the outside view watches, and what the deployment adds to it. */
    record Watched(
            BridgeSettings settings,
            Channel channel,
            InboundForwarder forwarder,
            OutboundPump pump,
            Clock clock,
            List<ReadinessCheck> checks,
            Map<String, HttpHandler> routes,
            PrintStream metricsOut) {}

    static Monitoring of(Watched w) {
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(new ChannelCheck(w.channel()));
        checks.add(ReadinessCheck.of("inbound-publishing", w.forwarder()::publishing));
        checks.addAll(w.checks());
        BridgeSettings s = w.settings();
        Readiness readiness = new Readiness(checks, s.readinessTimeout());
        Liveness liveness = new Liveness(w.channel(), w.forwarder(), w.pump(), w.clock());
        HttpFront http = new HttpFront(
                s.port(), readiness, liveness::problems, w.channel()::loginPrompt, s.qrPageToken(), w.routes());
        return new Monitoring(
                http, new EmfMetrics(w.metricsOut(), w.clock(), s.metricsInterval(), readiness, w.channel()));
    }
}
