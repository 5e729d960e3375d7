package org.wassist.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wassist.message.Envelope;
import org.wassist.message.Jids;

/**
 * Allowed senders and chats. Entries may be bare numbers ({@code 4915100000001}), numbers with {@code +}, spaces or
 * a {@code 00} prefix, phone JIDs ({@code 4915100000001@c.us}), privacy ids ({@code …@lid}) or group ids
 * ({@code …@g.us}); phone forms all compare as digits.
 */
public final class Whitelist {
    private final Set<String> entries;

    private Whitelist(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    public static Whitelist of(Collection<String> raw) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String entry : raw) {
            String n = normalise(entry);
            if (n != null) {
                normalised.add(n);
            }
        }
        return new Whitelist(normalised);
    }

    /** The canonical form of an entry, or null if it is not a phone number or an id. */
    public static @Nullable String normalise(String entry) {
        String s = entry.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.startsWith("00")) {
            s = s.substring(2);
        }
        String phone = Jids.phoneOf(s);
        if (phone != null) {
            return phone;
        }
        return s.contains("@") ? s.toLowerCase(Locale.ROOT) : null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** True if the sender (by phone or id) or the chat itself is listed. */
    public boolean allows(Envelope e) {
        return listed(e.sender().phone()) || listed(e.sender().id()) || listed(e.chatId());
    }

    private boolean listed(@Nullable String id) {
        if (id == null) {
            return false;
        }
        String n = normalise(id);
        return n != null && entries.contains(n);
    }
}
