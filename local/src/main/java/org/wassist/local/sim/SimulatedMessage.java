package org.wassist.local.sim;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Jids;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/**
 * The body of {@code POST /api/sim/messages}, validated. Limits are explicit: ids must look like WhatsApp ids,
 * text is at most {@link #MAX_TEXT_CHARS} characters, a given message id at most 128 safe characters.
 */
record SimulatedMessage(
        @Nullable String chatId,
        @Nullable String senderId,
        @Nullable String text,
        @Nullable Boolean group,
        @Nullable String messageId,
        @Nullable Boolean selfChat) {

    static final int MAX_TEXT_CHARS = 65_536;
    private static final Pattern USER_ID = Pattern.compile("\\d{5,20}@(c\\.us|lid)");
    private static final Pattern GROUP_ID = Pattern.compile("\\d{5,30}(-\\d+)?@g\\.us");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The problem with this request, or null when it is valid. */
    @Nullable
    String problem() {
        boolean isGroup = Boolean.TRUE.equals(group);
        if (chatId == null || !(isGroup ? GROUP_ID : USER_ID).matcher(chatId).matches()) {
            return isGroup
                    ? "chatId must be a group id like 120363000000000001@g.us when group is true"
                    : "chatId must be a user id like 4915100000001@c.us (or …@lid)";
        }
        if (isGroup && senderId == null) {
            return "senderId is required in a group";
        }
        if (senderId != null && !USER_ID.matcher(senderId).matches()) {
            return "senderId must be a user id like 4915100000001@c.us (or …@lid)";
        }
        if (text == null || text.isBlank()) {
            return "text must not be empty";
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return "text is longer than " + MAX_TEXT_CHARS + " characters";
        }
        if (messageId != null && !MESSAGE_ID.matcher(messageId).matches()) {
            return "messageId must be 1-128 characters of letters, digits and _.:-";
        }
        return null;
    }

    /** The envelope exactly as the bridge would build it; call only when {@link #problem()} is null. */
    Envelope toEnvelope(Instant now) {
        boolean isGroup = Boolean.TRUE.equals(group);
        String chat = requireValid(chatId);
        String sender = senderId != null ? senderId : chat;
        String id = messageId != null ? messageId : "SIM" + HexFormat.of().formatHex(randomBytes());
        boolean self = Boolean.TRUE.equals(selfChat) && !isGroup;
        return new Envelope(
                "sim",
                chat,
                isGroup ? ChatType.GROUP : ChatType.DIRECT,
                new Sender(sender, Jids.phoneOf(sender), null),
                id,
                now,
                MessageType.TEXT,
                requireValid(text),
                null,
                null,
                List.of(),
                null,
                List.of(),
                self,
                self);
    }

    private static String requireValid(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("validate before building the envelope");
        }
        return value;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return b;
    }
}
