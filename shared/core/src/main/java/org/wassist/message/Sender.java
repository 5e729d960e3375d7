package org.wassist.message;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote a message.
 *
 * @param id the sender's id as the channel gives it: {@code <phone>@c.us} or a privacy id {@code <digits>@lid}
 * @param phone the best-known phone number in international form without {@code +}, or null when the channel hides it
 * @param name the sender's display name, if the channel provides one
 */
public record Sender(
        String id, @Nullable String phone, @Nullable String name) {
    public Sender {
        Jids.requireNonBlank(id, "sender id");
    }

    /** A sender known only by a phone-number JID; the phone is taken from it. */
    public static Sender ofJid(String jid) {
        return new Sender(jid, Jids.phoneOf(jid), null);
    }
}
