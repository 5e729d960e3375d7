package org.wassist.bridge;

import org.wassist.message.Envelope;
import org.wassist.message.Media;

/** Copies of envelopes with one field changed. */
final class Envelopes {
    private Envelopes() {}

    static Envelope withMedia(Envelope e, Media media) {
        return new Envelope(
                e.channel(),
                e.chatId(),
                e.chatType(),
                e.sender(),
                e.messageId(),
                e.timestamp(),
                e.type(),
                e.text(),
                media,
                e.location(),
                e.contacts(),
                e.quotedMessageId(),
                e.mentions(),
                e.fromMe(),
                e.selfChat());
    }
}
