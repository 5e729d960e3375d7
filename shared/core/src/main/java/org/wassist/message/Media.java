package org.wassist.message;

import org.jspecify.annotations.Nullable;

/**
 * A media attachment of an inbound message, already copied to object storage by the bridge.
 *
 * @param status whether the bytes were stored, or why not
 * @param storageKey the object key in the media bucket, when stored
 * @param mimeType the MIME type reported by the channel
 * @param size the size in bytes, or -1 when unknown
 * @param fileName the original file name (documents), if any
 * @param sha256 hex SHA-256 of the stored bytes, when stored
 */
public record Media(
        Status status,
        @Nullable String storageKey,
        String mimeType,
        long size,
        @Nullable String fileName,
        @Nullable String sha256) {

    /** Why media bytes are or are not available. */
    public enum Status {
        STORED,
        /** Larger than the configured limit; not fetched. */
        TOO_LARGE,
        /** The channel could not provide the bytes (expired, deleted, still uploading). */
        UNAVAILABLE
    }

    public static Media stored(
            String storageKey, String mimeType, long size, @Nullable String fileName, String sha256) {
        return new Media(Status.STORED, storageKey, mimeType, size, fileName, sha256);
    }

    public static Media notStored(Status status, String mimeType, long size, @Nullable String fileName) {
        return new Media(status, null, mimeType, size, fileName, null);
    }
}
