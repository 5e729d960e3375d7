package org.wassist.message;

import org.jspecify.annotations.Nullable;

/** WhatsApp id (JID) helpers: what kind of id it is and which phone number, if any, it carries. */
public final class Jids {
    private Jids() {}

    /** True for group ids ({@code …@g.us}). */
    public static boolean isGroup(String jid) {
        return jid.endsWith("@g.us");
    }

    /** True for privacy ids ({@code …@lid}) that hide the phone number. */
    public static boolean isLid(String jid) {
        return jid.endsWith("@lid");
    }

    /**
     * The phone number a user id carries, digits only, or null when it carries none (LIDs, groups). Accepts
     * {@code 491…@c.us}, {@code 491…@s.whatsapp.net}, {@code 491…:12@s.whatsapp.net} (device part) and bare numbers.
     */
    public static @Nullable String phoneOf(String id) {
        String s = id.strip();
        int at = s.indexOf('@');
        if (at >= 0) {
            String domain = s.substring(at + 1);
            if (!domain.equals("c.us") && !domain.equals("s.whatsapp.net")) {
                return null;
            }
            s = s.substring(0, at);
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        String digits = s.replaceAll("[\\s()+.\\-]", "");
        return digits.matches("\\d{5,20}") ? digits : null;
    }

    static void requireNonBlank(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
