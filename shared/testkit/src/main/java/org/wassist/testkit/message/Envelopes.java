package org.wassist.testkit.message;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.message.MessageCodec;
import org.wassist.message.MessageType;
import org.wassist.message.Sender;
import org.wassist.testkit.time.MutableClock;

/**
 * Inbound messages for tests: a text from {@link #ALICE} in her private chat unless the builder says otherwise. Every
 * builder gets a fresh message id, so two messages never collide in the idempotency store by accident; an envelope
 * built twice from one builder is the same message (a redelivery).
 *
 * <pre>{@code
 * Envelope question = Envelopes.text("!gpt hi").build();
 * Envelope inGroup = Envelopes.text("!gpt hi").from(BOB).inGroup(GROUP).build();
 * Envelope note = Envelopes.selfChat("remind me").build();
 * }</pre>
 */
public final class Envelopes {
    /** A user, by phone-number JID. */
    public static final String ALICE = "4915100000001@c.us";
    /** Another user. */
    public static final String BOB = "4915100000002@c.us";
    /** The linked account itself: its "message yourself" chat is the self-chat. */
    public static final String ME = "4915199999999@c.us";
    /** A group chat. */
    public static final String GROUP = "120363000000000001@g.us";
    /** When messages are sent unless a builder says otherwise; the default start of {@link MutableClock}. */
    public static final Instant AT = MutableClock.DEFAULT_START;

    private static final AtomicLong IDS = new AtomicLong();

    private Envelopes() {}

    /** A text message from {@link #ALICE} in her private chat. */
    public static Builder text(String text) {
        return new Builder(text);
    }

    /** A text the linked account writes in its own chat. */
    public static Builder selfChat(String text) {
        return new Builder(text).from(ME).selfChat();
    }

    /** A media message from {@link #ALICE} with a caption (empty for none). */
    public static Builder media(MessageType type, Media media, String caption) {
        return new Builder(caption).media(type, media);
    }

    /** A message id not used before in this process. */
    public static String nextId() {
        return "msg-" + IDS.incrementAndGet();
    }

    /** Builds one envelope; unset parts take the defaults described on {@link Envelopes}. */
    public static final class Builder {
        private String id = nextId();
        private String channel = "sim";
        private Sender sender = Sender.ofJid(ALICE);
        private @Nullable String chatId;
        private ChatType chatType = ChatType.DIRECT;
        private Instant at = AT;
        private MessageType type = MessageType.TEXT;
        private String text;
        private @Nullable Media media;
        private @Nullable String quotedMessageId;
        private List<String> mentions = List.of();
        private boolean fromMe;
        private boolean selfChat;

        private Builder(String text) {
            this.text = text;
        }

        public Builder id(String messageId) {
            this.id = messageId;
            return this;
        }

        public Builder channel(String name) {
            this.channel = name;
            return this;
        }

        /** The sender, by JID; in a private chat this is also the chat unless {@link #inChat} says otherwise. */
        public Builder from(String senderJid) {
            return from(Sender.ofJid(senderJid));
        }

        public Builder from(Sender who) {
            this.sender = who;
            return this;
        }

        /** A private chat with this id (when it differs from the sender's, e.g. the linked account writing). */
        public Builder inChat(String directChatId) {
            this.chatId = directChatId;
            this.chatType = ChatType.DIRECT;
            return this;
        }

        public Builder inGroup(String groupId) {
            this.chatId = groupId;
            this.chatType = ChatType.GROUP;
            return this;
        }

        public Builder inGroup() {
            return inGroup(GROUP);
        }

        public Builder at(Instant sentAt) {
            this.at = sentAt;
            return this;
        }

        public Builder text(String body) {
            this.text = body;
            return this;
        }

        /** The kind of message without its media record yet, as a channel hands it over before the download. */
        public Builder type(MessageType kind) {
            this.type = kind;
            return this;
        }

        public Builder media(MessageType kind, Media attachment) {
            this.type = kind;
            this.media = attachment;
            return this;
        }

        public Builder quoting(String messageId) {
            this.quotedMessageId = messageId;
            return this;
        }

        public Builder mentions(String... ids) {
            this.mentions = List.of(ids);
            return this;
        }

        /** Written by the linked account (in someone else's chat unless {@link #selfChat} is set too). */
        public Builder fromMe() {
            this.fromMe = true;
            return this;
        }

        /** In the linked account's own chat: written by it, the chat is the sender's. */
        public Builder selfChat() {
            this.fromMe = true;
            this.selfChat = true;
            this.chatId = null;
            this.chatType = ChatType.DIRECT;
            return this;
        }

        public Envelope build() {
            String chat = chatId != null ? chatId : sender.id();
            return new Envelope(
                    channel,
                    chat,
                    chatType,
                    sender,
                    id,
                    at,
                    type,
                    text,
                    media,
                    null,
                    List.of(),
                    quotedMessageId,
                    mentions,
                    fromMe,
                    selfChat);
        }

        /** The envelope as a queue body. */
        public String json() {
            return MessageCodec.encode(build());
        }
    }
}
