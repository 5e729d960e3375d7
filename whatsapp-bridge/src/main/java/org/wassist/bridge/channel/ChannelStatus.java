package org.wassist.bridge.channel;

import java.util.List;

/**
 * The channel's state, for /readyz and metrics.
 *
 * @param state a short lower-case name, for example {@code unpaired}, {@code connected} or {@code logged-out}
 * @param ready whether outbound commands can be performed and inbound messages arrive
 * @param problems what keeps it from being ready or fully capable, one short sentence each (no personal data)
 */
public record ChannelStatus(String state, boolean ready, List<String> problems) {
    public ChannelStatus {
        problems = List.copyOf(problems);
    }

    /** The state names of the WhatsApp Web session; other channels may use their own. */
    public static final String LOGGED_OUT = "logged-out";

    /** True when the state means the account was unlinked and needs the operator (the alert signal). */
    public boolean loggedOut() {
        return LOGGED_OUT.equals(state);
    }
}
