package org.wassist.testkit.outbox;

import java.util.List;
import java.util.UUID;
import org.wassist.message.OutboundCommand;

/** Outbound commands for tests. */
public final class OutboundCommands {
    private OutboundCommands() {}

    public static OutboundCommand.SendText text(String chatId, String commandId, String text) {
        return new OutboundCommand.SendText(commandId, chatId, text, null, List.of());
    }

    /** One command of every type, with unique ids. */
    public static List<OutboundCommand> oneOfEach(String chatId) {
        String m = UUID.randomUUID().toString();
        return List.of(
                new OutboundCommand.SendText(m + "#1", chatId, "héllo 👋", "quoted-1", List.of("1@c.us")),
                new OutboundCommand.SendImage(m + "#2", chatId, "media/img.png", "image/png", "caption", null),
                new OutboundCommand.SendVoiceNote(m + "#3", chatId, "media/v.ogg", "audio/ogg; codecs=opus", null),
                new OutboundCommand.SendDocument(
                        m + "#4", chatId, "media/d.pdf", "application/pdf", "d.pdf", null, "quoted-2"),
                new OutboundCommand.SendReaction(m + "#5", chatId, "target-1", "👍"),
                new OutboundCommand.SetPresence(m + "#6", chatId, OutboundCommand.Presence.TYPING));
    }
}
