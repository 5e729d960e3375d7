package org.wassist.media;

import java.util.Optional;

/**
 * Object storage for media (the S3 media bucket). Keys are chosen by the caller and are never derived from phone
 * numbers or message text.
 */
public interface MediaStore {
    void put(String key, byte[] bytes, String contentType);

    /** The object, or empty if there is none under {@code key}. */
    Optional<StoredMedia> get(String key);

    void delete(String key);

    /** Bytes and their content type. The byte array is copied in and out, so the value stays immutable. */
    final class StoredMedia {
        private final byte[] bytes;
        private final String contentType;

        public StoredMedia(byte[] bytes, String contentType) {
            this.bytes = bytes.clone();
            this.contentType = contentType;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public int size() {
            return bytes.length;
        }

        public String contentType() {
            return contentType;
        }
    }
}
