package org.wassist.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One inbound message, normalised from whichever channel delivered it. This is the body of every message on the
 * inbound queue; the queue's group id is {@link #chatId()} and its deduplication id derives from {@link #messageId()}.
 *
 * @param channel the delivering channel: {@code wa-web}, {@code cloud} or {@code sim}
 * @param chatId the conversation: {@code <phone>@c.us}, {@code <digits>@lid} or {@code <id>@g.us}
 * @param chatType direct or group
 * @param sender who wrote it (in groups the participant, not the group)
 * @param messageId the channel's message id, unique per channel and account
 * @param timestamp when the channel says it was sent
 * @param type the normalised kind
 * @param text the body, or the caption of media; empty when there is none
 * @param media the attachment, for media types
 * @param location the location, for {@link MessageType#LOCATION}
 * @param contacts vCards, for {@link MessageType#CONTACT}
 * @param quotedMessageId the id of the message this one replies to
 * @param mentions ids mentioned in the text
 * @param fromMe written by the linked account itself
 * @param selfChat sent in the linked account's own "message yourself" chat
 */
public record Envelope(
        String channel,
        String chatId,
        ChatType chatType,
        Sender sender,
        String messageId,
        Instant timestamp,
        MessageType type,
        String text,
        @Nullable Media media,
        @Nullable Location location,
        List<String> contacts,
        @Nullable String quotedMessageId,
        List<String> mentions,
        boolean fromMe,
        boolean selfChat) {

    public Envelope {
        Jids.requireNonBlank(channel, "channel");
        Jids.requireNonBlank(chatId, "chatId");
        Jids.requireNonBlank(messageId, "messageId");
        // Checked because a decoded queue body can lack them; such a body must fail as malformed, not later.
        Objects.requireNonNull(chatType, "chatType");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        text = text == null ? "" : text;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public boolean isGroup() {
        return chatType == ChatType.GROUP;
    }

    /** This message with its attachment's record replaced (the bridge sets it once the media is stored). */
    public Envelope withMedia(Media stored) {
        return new Envelope(
                channel,
                chatId,
                chatType,
                sender,
                messageId,
                timestamp,
                type,
                text,
                stored,
                location,
                contacts,
                quotedMessageId,
                mentions,
                fromMe,
                selfChat);
    }

    /** A plain text message; the common case in tests, the simulator and priming. */
    public static Envelope text(
            String channel, String chatId, Sender sender, String messageId, Instant at, String text, boolean group) {
        return new Envelope(
                channel,
                chatId,
                group ? ChatType.GROUP : ChatType.DIRECT,
                sender,
                messageId,
                at,
                MessageType.TEXT,
                text,
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                false);
    }
}
