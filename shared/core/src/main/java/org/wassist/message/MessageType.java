package org.wassist.message;

/** The kind of an inbound message, after normalisation from the channel's own types. */
public enum MessageType {
    TEXT,
    IMAGE,
    /** A push-to-talk voice note (WhatsApp type {@code ptt}). */
    VOICE,
    /** An audio file that is not a voice note. */
    AUDIO,
    VIDEO,
    DOCUMENT,
    STICKER,
    LOCATION,
    CONTACT,
    REACTION,
    UNKNOWN
}
