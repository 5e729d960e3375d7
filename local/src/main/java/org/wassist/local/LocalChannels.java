package org.wassist.local;

import java.time.Clock;
import org.wassist.bridge.BridgeSettings;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.channel.Channel;
import org.wassist.local.sim.SimulatorChannel;
import org.wassist.local.sim.Transcript;
import org.wassist.observability.Pseudonyms;

/** The channel the local bridge drives: the chat simulator (default) or the real WhatsApp Web. */
final class LocalChannels {
    private LocalChannels() {}

    static Channel create(
            LocalSettings settings,
            BridgeSettings bridge,
            Transcript transcript,
            Clock clock,
            Pseudonyms pseudonyms,
            TempDirectory temp) {
        return switch (settings.channel()) {
            case SIMULATOR -> new SimulatorChannel(transcript, clock);
            case WHATSAPP_WEB ->
                WhatsAppWebChannels.create(settings, temp, bridge.outbound().sendTimeout(), clock, pseudonyms);
        };
    }
}
