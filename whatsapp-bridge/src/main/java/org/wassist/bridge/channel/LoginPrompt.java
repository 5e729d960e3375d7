package org.wassist.bridge.channel;

import org.jspecify.annotations.Nullable;

/**
 * What the operator needs to link the account. Both values are short-lived credentials: they are shown on the
 * token-protected {@code /qr} page and, on a terminal, on stderr, and never logged.
 *
 * @param qr the QR payload to render, when a QR login is pending
 * @param pairingCode the 8-character code to type on the phone, when a phone-number login is pending
 */
public record LoginPrompt(@Nullable String qr, @Nullable String pairingCode) {
    public static final LoginPrompt NONE = new LoginPrompt(null, null);

    public boolean isEmpty() {
        return qr == null && pairingCode == null;
    }

    @Override
    public String toString() {
        return "LoginPrompt[qr=" + (qr == null ? "none" : "****") + ", pairingCode="
                + (pairingCode == null ? "none" : "****") + "]";
    }
}
