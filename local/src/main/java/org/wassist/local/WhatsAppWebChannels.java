package org.wassist.local;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.whatsapp.WhatsAppSettings;
import org.wassist.bridge.whatsapp.WhatsAppWebChannel;
import org.wassist.observability.Pseudonyms;

/**
 * The real WhatsApp Web channel for the local run ({@code CHANNEL=whatsapp-web}): the browser profile lives under the
 * data directory unless {@code PROFILE_DIR} says otherwise, and the QR code is drawn in the terminal.
 */
final class WhatsAppWebChannels {
    private WhatsAppWebChannels() {}

    /** {@code sendTimeout}: the bridge's {@code SEND_TIMEOUT_SECONDS}, as the container passes it. */
    static Channel create(
            LocalSettings settings, TempDirectory temp, Duration sendTimeout, Clock clock, Pseudonyms pseudonyms) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent(
                "PROFILE_DIR", settings.dataDir().resolve("whatsapp-profile").toString());
        env.putIfAbsent("QR_TERMINAL", "true");
        return new WhatsAppWebChannel(
                WhatsAppSettings.fromEnvironment(env), temp, sendTimeout, clock, pseudonyms, System.err);
    }
}
