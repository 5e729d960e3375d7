package org.wassist.bridge.whatsapp;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Messages as WhatsApp Web's Msg models hold them, for the imitation page's {@code receive} command. */
final class Raw {
    static final String ME = "15550001234@c.us";
    static final String ME_LID = "99990001234@lid";

    private Raw() {}

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String serialized(boolean fromMe, String chat, String stanza, @Nullable String participant) {
        return fromMe + "_" + chat + "_" + stanza + (participant == null ? "" : "_" + participant);
    }

    /** A 1:1 message from {@code from}; fields are added with {@link #with}. */
    static Map<String, Object> direct(String from, String stanza, String type, String body) {
        Map<String, Object> m = new HashMap<>();
        m.put(
                "id",
                Map.of(
                        "fromMe",
                        false,
                        "remote",
                        from,
                        "id",
                        stanza,
                        "_serialized",
                        serialized(false, from, stanza, null)));
        m.put("type", type);
        m.put("body", body);
        m.put("from", from);
        m.put("to", ME);
        m.put("t", now());
        return m;
    }

    /** A group message written by {@code author}. */
    static Map<String, Object> group(String group, String author, String stanza, String body) {
        Map<String, Object> m = new HashMap<>();
        m.put(
                "id",
                Map.of(
                        "fromMe", false,
                        "remote", group,
                        "id", stanza,
                        "participant", author,
                        "_serialized", serialized(false, group, stanza, author)));
        m.put("type", "chat");
        m.put("body", body);
        m.put("from", group);
        m.put("to", ME);
        m.put("author", author);
        m.put("t", now());
        return m;
    }

    /** A message the linked account wrote itself (from the phone). */
    static Map<String, Object> own(String chat, String stanza, String body) {
        Map<String, Object> m = new HashMap<>();
        m.put(
                "id",
                Map.of(
                        "fromMe",
                        true,
                        "remote",
                        chat,
                        "id",
                        stanza,
                        "_serialized",
                        serialized(true, chat, stanza, null)));
        m.put("type", "chat");
        m.put("body", body);
        m.put("from", ME);
        m.put("to", chat);
        m.put("t", now());
        return m;
    }

    static Map<String, Object> media(Map<String, Object> m, String mime, byte[] bytes, String caption) {
        m.put("mimetype", mime);
        m.put("size", bytes.length);
        m.put("directPath", "/v/t62/" + m.get("type") + "/" + System.nanoTime());
        m.put("mediaB64", Base64.getEncoder().encodeToString(bytes));
        m.put("caption", caption);
        m.put("body", "");
        return m;
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    static String id(Map<String, Object> m) {
        Map<?, ?> id = (Map<?, ?>) java.util.Objects.requireNonNull(m.get("id"));
        return (String) java.util.Objects.requireNonNull(id.get("_serialized"));
    }

    static long t(Map<String, Object> m) {
        return (Long) java.util.Objects.requireNonNull(m.get("t"));
    }
}
