package org.wassist.bridge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.wassist.bridge.channel.Channel;

/** What /livez and /healthz report: the channel's worker and the bridge's own threads are making progress. */
final class Liveness {
    private final Channel channel;
    private final InboundForwarder forwarder;
    private final OutboundPump pump;
    private final Clock clock;

    Liveness(Channel channel, InboundForwarder forwarder, OutboundPump pump, Clock clock) {
        this.channel = channel;
        this.forwarder = forwarder;
        this.pump = pump;
        this.clock = clock;
    }

    /** Empty when alive; otherwise one line per stuck part. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!channel.alive()) {
            out.add("channel worker is not making progress");
        }
        if (!forwarder.alive(clock.instant())) {
            out.add("inbound forwarder thread stopped");
        }
        if (!pump.alive(clock.instant())) {
            out.add("outbound pump thread stopped");
        }
        return out;
    }
}
