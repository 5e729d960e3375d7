package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Jids;
import org.wassist.message.Location;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/**
 * Turns the injected script's flattened message into an {@link Envelope}, or drops it. Dropped: Status updates,
 * broadcast lists and channels, messages the bridge itself sent, the linked account's own messages outside its
 * self-chat, and WhatsApp's system types (group notifications, protocol messages, revokes, call logs …).
 */
final class MessageNormaliser {
    static final String CHANNEL = "wa-web";

    private static final Map<String, MessageType> TYPES = Map.ofEntries(
            Map.entry("chat", MessageType.TEXT),
            Map.entry("image", MessageType.IMAGE),
            Map.entry("ptt", MessageType.VOICE),
            Map.entry("audio", MessageType.AUDIO),
            Map.entry("video", MessageType.VIDEO),
            Map.entry("document", MessageType.DOCUMENT),
            Map.entry("sticker", MessageType.STICKER),
            Map.entry("location", MessageType.LOCATION),
            Map.entry("vcard", MessageType.CONTACT),
            Map.entry("multi_vcard", MessageType.CONTACT),
            // User content the assistant cannot act on specifically; the text (if any) still reaches it.
            Map.entry("poll_creation", MessageType.UNKNOWN),
            Map.entry("list_response", MessageType.UNKNOWN),
            Map.entry("buttons_response", MessageType.UNKNOWN),
            Map.entry("template_button_reply", MessageType.UNKNOWN),
            Map.entry("interactive", MessageType.UNKNOWN));

    /** Why a message was not forwarded (for counting and debug logs; never with content). */
    enum Drop {
        STATUS,
        BROADCAST,
        SENT_BY_BRIDGE,
        OWN_MESSAGE,
        SYSTEM_TYPE,
        MALFORMED
    }

    /** A forwarded message and, for media, what to fetch. */
    record Normalised(Envelope envelope, @Nullable MediaRef media) {}

    /** The attachment of a message, to be fetched through the page. */
    record MediaRef(
            String messageId,
            long declaredSize,
            String mimeType,
            @Nullable String fileName) {}

    /** Either a message or the reason it was dropped. */
    record Result(@Nullable Normalised message, @Nullable Drop drop) {
        static Result of(Normalised n) {
            return new Result(n, null);
        }

        static Result dropped(Drop d) {
            return new Result(null, d);
        }
    }

    private MessageNormaliser() {}

    static Result normalise(JsonNode m) {
        String id = text(m, "id");
        String chatId = text(m, "chatId");
        String senderId = text(m, "sender");
        if (id == null || chatId == null || senderId == null) {
            return Result.dropped(Drop.MALFORMED);
        }
        Drop drop = drop(m, chatId);
        if (drop != null) {
            return Result.dropped(drop);
        }
        MessageType type = TYPES.get(m.path("type").asText(""));
        if (type == null) {
            return Result.dropped(Drop.SYSTEM_TYPE);
        }
        MediaRef media = mediaRef(m, id, type);
        return Result.of(new Normalised(envelope(m, new Ids(id, chatId, senderId), type, media), media));
    }

    /** Why a well-formed message is not forwarded whatever its type, or null. */
    private static @Nullable Drop drop(JsonNode m, String chatId) {
        if (m.path("isStatus").asBoolean()) {
            return Drop.STATUS;
        }
        if (m.path("broadcast").asBoolean()) {
            return Drop.BROADCAST;
        }
        if (m.path("sentByBridge").asBoolean()) {
            return Drop.SENT_BY_BRIDGE;
        }
        return m.path("fromMe").asBoolean() && !selfChat(m, chatId) ? Drop.OWN_MESSAGE : null;
    }

    private static boolean selfChat(JsonNode m, String chatId) {
        return strings(m.path("me")).contains(chatId);
    }

    /** The ids every forwarded message has. */
    private record Ids(String message, String chat, String sender) {}

    private static Envelope envelope(JsonNode m, Ids ids, MessageType type, @Nullable MediaRef media) {
        boolean selfChat = selfChat(m, ids.chat());
        return new Envelope(
                CHANNEL,
                ids.chat(),
                Jids.isGroup(ids.chat()) ? ChatType.GROUP : ChatType.DIRECT,
                sender(m, ids.sender()),
                ids.message(),
                Instant.ofEpochSecond(m.path("t").asLong()),
                type,
                m.path("body").asText(""),
                media == null ? mediaWithoutBytes(m, type) : placeholder(media),
                type == MessageType.LOCATION ? location(m) : null,
                type == MessageType.CONTACT ? strings(m.path("vcards")) : List.of(),
                text(m, "quotedId"),
                strings(m.path("mentions")),
                m.path("fromMe").asBoolean(),
                selfChat);
    }

    private static Sender sender(JsonNode m, String senderId) {
        String phoneJid = text(m, "senderPhone");
        String phone = phoneJid == null ? Jids.phoneOf(senderId) : Jids.phoneOf(phoneJid);
        return new Sender(senderId, phone, text(m, "senderName"));
    }

    private static boolean isMediaType(MessageType t) {
        return switch (t) {
            case IMAGE, VOICE, AUDIO, VIDEO, DOCUMENT, STICKER -> true;
            default -> false;
        };
    }

    private static @Nullable MediaRef mediaRef(JsonNode m, String id, MessageType type) {
        if (!isMediaType(type) || !m.path("hasMedia").asBoolean()) {
            return null;
        }
        return new MediaRef(id, m.path("size").asLong(-1), mime(m), text(m, "filename"));
    }

    /** A media message whose bytes the page cannot offer (no direct path): marked unavailable. */
    private static @Nullable Media mediaWithoutBytes(JsonNode m, MessageType type) {
        return isMediaType(type)
                ? Media.notStored(
                        Media.Status.UNAVAILABLE, mime(m), m.path("size").asLong(-1), text(m, "filename"))
                : null;
    }

    /** Until the forwarder stored the bytes, the envelope says they are not available. */
    private static Media placeholder(MediaRef r) {
        return Media.notStored(Media.Status.UNAVAILABLE, r.mimeType(), r.declaredSize(), r.fileName());
    }

    private static String mime(JsonNode m) {
        String mime = text(m, "mimetype");
        return mime == null ? "application/octet-stream" : mime;
    }

    private static @Nullable Location location(JsonNode m) {
        if (!m.path("lat").isNumber() || !m.path("lng").isNumber()) {
            return null;
        }
        String loc = text(m, "loc");
        String name = null;
        String address = null;
        if (loc != null) {
            int nl = loc.indexOf('\n');
            name = nl < 0 ? loc : loc.substring(0, nl);
            address = nl < 0 ? null : loc.substring(nl + 1);
        }
        return new Location(m.path("lat").asDouble(), m.path("lng").asDouble(), name, address);
    }

    static @Nullable String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual() && !n.asText().isEmpty()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
