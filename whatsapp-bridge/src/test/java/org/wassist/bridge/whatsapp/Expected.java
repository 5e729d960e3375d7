package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Jids;
import org.wassist.message.Location;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;

/**
 * The envelope the bridge should publish for a {@link Raw} message sent to the linked account, built field by field so
 * that tests compare whole envelopes. Stored media is checked in the bucket first and then expected with the key the
 * bridge chose (a random one).
 */
final class Expected {
    private final Map<String, Object> raw;
    private final Sender sender;
    private MessageType type = MessageType.TEXT;
    private String text = "";
    private @Nullable Media media;
    private @Nullable Location location;
    private List<String> contacts = List.of();
    private boolean selfChat;

    private Expected(Map<String, Object> raw, Sender sender) {
        this.raw = raw;
        this.sender = sender;
    }

    /** A message from {@code sender} in its private chat. */
    static Expected from(Map<String, Object> raw, Sender sender) {
        return new Expected(raw, sender);
    }

    Expected type(MessageType value) {
        this.type = value;
        return this;
    }

    Expected text(String value) {
        this.text = value;
        return this;
    }

    Expected media(Media value) {
        this.media = value;
        return this;
    }

    Expected location(Location value) {
        this.location = value;
        return this;
    }

    Expected contacts(String... vcards) {
        this.contacts = List.of(vcards);
        return this;
    }

    /** Written by the linked account in its own chat (the sender is the account, the chat its own). */
    Expected inSelfChat() {
        this.selfChat = true;
        return this;
    }

    /**
     * The media of {@code published} if its bytes are in the bucket under an {@code inbound/} key free of the sender's
     * number and the file name; the expectation then uses that key.
     */
    Expected stored(Envelope published, String mime, byte[] bytes, @Nullable String fileName) {
        Media m = Objects.requireNonNull(published.media(), "published media");
        String key = Objects.requireNonNull(m.storageKey(), "storage key");
        assertThat(key).startsWith("inbound/").doesNotContain(Objects.requireNonNull(sender.phone()));
        if (fileName != null) {
            assertThat(key).doesNotContain(fileName);
        }
        assertThat(Stack.media().get(key).orElseThrow().bytes()).isEqualTo(bytes);
        return media(Media.stored(key, mime, bytes.length, fileName, sha256(bytes)));
    }

    Envelope envelope() {
        String chat = sender.id();
        return new Envelope(
                "wa-web",
                chat,
                Jids.isGroup(chat) ? ChatType.GROUP : ChatType.DIRECT,
                sender,
                Raw.id(raw),
                Instant.ofEpochSecond(Raw.t(raw)),
                type,
                text,
                media,
                location,
                contacts,
                null,
                List.of(),
                selfChat,
                selfChat);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
