package org.wassist.local.sim;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.media.MediaStore;
import org.wassist.message.OutboundCommand;

/**
 * The channel of the all-local run: instead of WhatsApp, what the assistant sends is written to the simulator's
 * durable transcript, where the web page shows it. Inbound messages come from {@link SimulatorApi}, which publishes
 * them to the inbound queue directly.
 */
public final class SimulatorChannel implements Channel {
    private final Transcript transcript;
    private final Clock clock;

    public SimulatorChannel(Transcript transcript, Clock clock) {
        this.transcript = transcript;
        this.clock = clock;
    }

    @Override
    public void start(InboundSink sink) {
        // Inbound messages are published by SimulatorApi; nothing to start.
    }

    @Override
    public void perform(OutboundCommand command, MediaStore.@Nullable StoredMedia media) {
        TranscriptEntry entry = switch (command) {
            case OutboundCommand.SendText t -> entry(t, t.text(), "text");
            case OutboundCommand.SendImage i -> entry(i, nonNull(i.caption()), "image");
            case OutboundCommand.SendVoiceNote v -> entry(v, "", "voice");
            case OutboundCommand.SendDocument d -> entry(d, d.fileName(), "document");
            case OutboundCommand.SendReaction r -> entry(r, r.emoji(), "reaction");
            case OutboundCommand.SetPresence p -> null;
        };
        if (entry != null) {
            transcript.append(entry);
        }
    }

    private TranscriptEntry entry(OutboundCommand c, String text, String type) {
        return new TranscriptEntry(c.chatId(), TranscriptEntry.OUT, c.commandId(), text, type, clock.instant());
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    @Override
    public ChannelStatus status() {
        return new ChannelStatus("connected", true, List.of());
    }

    @Override
    public void close() {}
}
