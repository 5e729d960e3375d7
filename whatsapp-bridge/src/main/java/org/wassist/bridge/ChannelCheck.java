package org.wassist.bridge;

import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.http.ReadinessCheck;

/** Readiness of the channel itself: the session state and every problem the channel reports (missing capabilities). */
final class ChannelCheck implements ReadinessCheck {
    private final Channel channel;

    ChannelCheck(Channel channel) {
        this.channel = channel;
    }

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public Result check() {
        ChannelStatus s = channel.status();
        String detail = "state=" + s.state() + (s.problems().isEmpty() ? "" : "; " + String.join("; ", s.problems()));
        return new Result(s.ready() && s.problems().isEmpty(), detail);
    }
}
