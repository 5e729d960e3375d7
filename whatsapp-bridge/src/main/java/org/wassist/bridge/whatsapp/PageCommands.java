package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.MediaTooLargeException;
import org.wassist.media.MediaStore;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;

/**
 * Outbound commands and media downloads as calls into the injected script. Runs on the browser thread. Media crosses
 * the page boundary in base64 chunks of {@value #CHUNK} bytes, so no single message holds a whole file.
 */
final class PageCommands {
    static final int CHUNK = 1024 * 1024;

    private PageCommands() {}

    /**
     * Performs the command. The id of the message it put into the chat, if any, goes to {@code sent} first, also when
     * the send then failed: the message is in the chat's history either way.
     */
    static void perform(
            BrowserSession s, OutboundCommand command, MediaStore.@Nullable StoredMedia media, Consumer<String> sent)
            throws ChannelException {
        JsonNode result = switch (command) {
            case OutboundCommand.SendText c -> call(s, "sendText", text(c));
            case OutboundCommand.SendImage c -> sendMedia(s, "sendImage", require(media), image(c));
            case OutboundCommand.SendVoiceNote c -> sendMedia(s, "sendVoiceNote", require(media), voice(c));
            case OutboundCommand.SendDocument c -> sendMedia(s, "sendDocument", require(media), document(c));
            case OutboundCommand.SendReaction c -> call(s, "react", reaction(c));
            case OutboundCommand.SetPresence c -> call(s, "presence", presence(c));
        };
        String id = MessageNormaliser.text(result, "id");
        if (id != null) {
            sent.accept(id);
        }
        check(result);
    }

    private static Map<String, @Nullable Object> text(OutboundCommand.SendText c) {
        return args(
                "chatId",
                c.chatId(),
                "text",
                c.text(),
                "quotedMessageId",
                c.quotedMessageId(),
                "mentions",
                c.mentions());
    }

    private static Map<String, @Nullable Object> reaction(OutboundCommand.SendReaction c) {
        return args("chatId", c.chatId(), "messageId", c.targetMessageId(), "emoji", c.emoji());
    }

    private static Map<String, @Nullable Object> presence(OutboundCommand.SetPresence c) {
        return args("chatId", c.chatId(), "state", c.presence().name());
    }

    private static MediaArgs image(OutboundCommand.SendImage c) {
        return new MediaArgs(c.chatId(), c.mimeType(), null, c.caption(), c.quotedMessageId());
    }

    private static MediaArgs voice(OutboundCommand.SendVoiceNote c) {
        return new MediaArgs(c.chatId(), c.mimeType(), null, null, c.quotedMessageId());
    }

    private static MediaArgs document(OutboundCommand.SendDocument c) {
        return new MediaArgs(c.chatId(), c.mimeType(), c.fileName(), c.caption(), c.quotedMessageId());
    }

    /** What a media send says besides its bytes. */
    private record MediaArgs(
            String chatId,
            String mimeType,
            @Nullable String fileName,
            @Nullable String caption,
            @Nullable String quotedMessageId) {}

    private static JsonNode sendMedia(BrowserSession s, String op, MediaStore.StoredMedia media, MediaArgs m) {
        Object handle = s.call("stageBegin", null);
        byte[] bytes = media.bytes();
        for (int off = 0; off < bytes.length; off += CHUNK) {
            int len = Math.min(CHUNK, bytes.length - off);
            String data = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, off, off + len));
            s.call("stageAppend", args("handle", handle, "data", data));
        }
        Map<String, @Nullable Object> a = args(
                "chatId",
                m.chatId(),
                "handle",
                handle,
                "mimeType",
                m.mimeType(),
                "fileName",
                m.fileName(),
                "caption",
                m.caption());
        a.put("quotedMessageId", m.quotedMessageId());
        return call(s, op, a);
    }

    /**
     * Fetches an inbound message's media through the page. The page refuses media over {@code maxBytes} before any
     * chunk is transferred; a size over it that the page still reports as fine is refused here, unread.
     */
    static byte[] download(BrowserSession s, String messageId, long maxBytes) throws ChannelException {
        JsonNode r = call(s, "download", args("messageId", messageId, "maxBytes", maxBytes));
        if (r.path("tooLarge").asBoolean()) {
            throw new MediaTooLargeException(r.path("size").asLong(-1), maxBytes);
        }
        check(r);
        long handle = r.path("handle").asLong();
        long size = r.path("size").asLong();
        try {
            if (size > maxBytes) {
                throw new MediaTooLargeException(size, maxBytes);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
            for (long off = 0; off < size; off += CHUNK) {
                Object b64 = s.call("chunk", args("handle", handle, "offset", off, "length", CHUNK));
                out.writeBytes(Base64.getDecoder().decode(String.valueOf(b64)));
            }
            return out.toByteArray();
        } finally {
            s.call("release", args("handle", handle));
        }
    }

    static JsonNode call(BrowserSession s, String op, Map<String, @Nullable Object> arg) {
        return MessageCodec.mapper().valueToTree(s.call(op, arg));
    }

    static void check(JsonNode r) throws ChannelException {
        if (!r.path("ok").asBoolean()) {
            String error = Redact.safe(r.path("error").asText("the page gave no result"));
            throw new ChannelException(
                    ChannelException.Code.REFUSED,
                    "WhatsApp Web refused: " + error,
                    r.path("retryable").asBoolean(true));
        }
    }

    private static MediaStore.StoredMedia require(MediaStore.@Nullable StoredMedia media) throws ChannelException {
        if (media == null) {
            throw new ChannelException(ChannelException.Code.INVALID, "media command without media", false);
        }
        return media;
    }

    /** An argument object for the page. Playwright serialises int and double but not long: longs become doubles. */
    static Map<String, @Nullable Object> args(@Nullable Object... keyValues) {
        Map<String, @Nullable Object> m = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put(String.valueOf(keyValues[i]), v instanceof Long l ? (Object) l.doubleValue() : v);
        }
        return m;
    }
}
