package org.wassist.bridge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Object keys for inbound media: {@code inbound/<yyyy>/<MM>/<dd>/<random uuid>.<ext>}. Nothing in a key comes from
 * a phone number, a chat id, a file name or message text; the date prefix lets lifecycle rules and the retention
 * purge work by day.
 */
public final class MediaKeys {
    public static final String INBOUND_PREFIX = "inbound/";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/aac", "aac"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"));

    private MediaKeys() {}

    public static String inbound(Instant at, String mimeType) {
        return INBOUND_PREFIX + DAY.format(at) + "/" + UUID.randomUUID() + "." + extension(mimeType);
    }

    static String extension(String mimeType) {
        String base = mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(base, "bin");
    }
}
