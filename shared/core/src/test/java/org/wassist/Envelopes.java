package org.wassist;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Location;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/** Test-data builders for envelopes used across the core's tests. */
public final class Envelopes {
    public static final String ALICE = "4915100000001@c.us";
    public static final String GROUP = "120363000000000001@g.us";
    public static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private Envelopes() {}

    public static Envelope direct(String text) {
        return Envelope.text("sim", ALICE, Sender.ofJid(ALICE), "m-1", AT, text, false);
    }

    public static Envelope group(String text) {
        return Envelope.text("sim", GROUP, Sender.ofJid(ALICE), "m-1", AT, text, true);
    }

    public static Envelope selfChat(String text) {
        return new Envelope(
                "wa-web",
                ALICE,
                ChatType.DIRECT,
                Sender.ofJid(ALICE),
                "m-1",
                AT,
                MessageType.TEXT,
                text,
                null,
                null,
                List.of(),
                null,
                List.of(),
                true,
                true);
    }

    public static Envelope media(MessageType type, String caption) {
        return new Envelope(
                "sim",
                ALICE,
                ChatType.DIRECT,
                Sender.ofJid(ALICE),
                "m-1",
                AT,
                type,
                caption,
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                false);
    }

    /**
     * A group image from a {@code @lid} sender with every optional field set (location, contact, quote, mention), a
     * timestamp with milliseconds and an emoji in the caption: the case that shows a field lost or changed.
     */
    public static Envelope withEveryField(@Nullable Media media) {
        return new Envelope(
                "wa-web",
                GROUP,
                ChatType.GROUP,
                new Sender("123456789012345@lid", "4915100000001", "Alice"),
                "false_x_3EB0_y",
                Instant.parse("2026-11-25T10:00:00.123Z"),
                MessageType.IMAGE,
                "look \uD83D\uDE00",
                media,
                new Location(52.5, 13.4, "Office", null),
                List.of("BEGIN:VCARD"),
                "3EB0QUOTED",
                List.of("4915100000002@c.us"),
                false,
                false);
    }
}
