package org.wassist.bridge.whatsapp;

import java.util.Locale;

/**
 * The session's state as the bridge reports it on /readyz and in metrics: starting → unpaired (QR or pairing code
 * shown) → pairing (the phone accepted, keys are exchanged) → connecting → connected; logged-out when the account
 * was unlinked (sticky until it is linked again); conflict and blocked for WhatsApp Web's operational states;
 * browser-down while Chromium is restarted.
 */
public enum SessionState {
    STARTING,
    UNPAIRED,
    PAIRING,
    CONNECTING,
    CONNECTED,
    LOGGED_OUT,
    CONFLICT,
    BLOCKED,
    BROWSER_DOWN;

    /** The lower-case name with dashes, as shown on /readyz. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
