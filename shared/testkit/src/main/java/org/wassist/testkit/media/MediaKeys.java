package org.wassist.testkit.media;

import java.nio.charset.StandardCharsets;

/** The key rules S3 enforces, so the fake refuses what the bucket would. */
final class MediaKeys {
    static final int MAX_KEY_BYTES = 1024;

    private MediaKeys() {}

    static void check(String key) {
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("media key must be 1.." + MAX_KEY_BYTES + " bytes of UTF-8");
        }
    }
}
