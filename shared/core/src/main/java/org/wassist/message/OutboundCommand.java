package org.wassist.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something the bridge must do in a chat. Every command carries a {@link #commandId()} that is deterministic for
 * the inbound message that caused it, so a reprocessed message produces the same ids and the outbound queue's
 * deduplication drops the repeat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OutboundCommand.SendText.class, name = "text"),
    @JsonSubTypes.Type(value = OutboundCommand.SendImage.class, name = "image"),
    @JsonSubTypes.Type(value = OutboundCommand.SendVoiceNote.class, name = "voice"),
    @JsonSubTypes.Type(value = OutboundCommand.SendDocument.class, name = "document"),
    @JsonSubTypes.Type(value = OutboundCommand.SendReaction.class, name = "reaction"),
    @JsonSubTypes.Type(value = OutboundCommand.SetPresence.class, name = "presence")
})
public sealed interface OutboundCommand {
    String commandId();

    String chatId();

    /** A text message, optionally as a quoted reply and with mentions. */
    record SendText(
            String commandId,
            String chatId,
            String text,
            @Nullable String quotedMessageId,
            List<String> mentions) implements OutboundCommand {
        public SendText {
            Jids.requireNonBlank(text, "text");
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /** An image from the media bucket, with an optional caption. */
    record SendImage(
            String commandId,
            String chatId,
            String storageKey,
            String mimeType,
            @Nullable String caption,
            @Nullable String quotedMessageId)
            implements OutboundCommand {}

    /** A push-to-talk voice note (OGG/Opus) from the media bucket. */
    record SendVoiceNote(
            String commandId,
            String chatId,
            String storageKey,
            String mimeType,
            @Nullable String quotedMessageId) implements OutboundCommand {}

    /** A document from the media bucket. */
    record SendDocument(
            String commandId,
            String chatId,
            String storageKey,
            String mimeType,
            String fileName,
            @Nullable String caption,
            @Nullable String quotedMessageId)
            implements OutboundCommand {}

    /** A reaction on a message; an empty emoji removes it. */
    record SendReaction(String commandId, String chatId, String targetMessageId, String emoji)
            implements OutboundCommand {}

    /** A chat state shown to the user for about 25 seconds. */
    record SetPresence(String commandId, String chatId, Presence presence) implements OutboundCommand {}

    /** Chat states. */
    enum Presence {
        TYPING,
        RECORDING,
        PAUSED
    }
}
