package org.wassist.bridge.channel;

import org.jspecify.annotations.Nullable;

/** A not-yet-fetched attachment of an inbound message. */
public interface MediaDownload {
    /** The size the channel announced, in bytes, or -1 when it did not say. */
    long declaredSize();

    String mimeType();

    /** The file name the sender gave (documents), if any. Never log it. */
    @Nullable
    String fileName();

    /**
     * Fetches the bytes.
     *
     * @throws MediaTooLargeException when the bytes turn out to be larger than {@code maxBytes}
     * @throws ChannelException when the channel cannot provide them (expired, deleted, not connected)
     */
    byte[] fetch(long maxBytes) throws ChannelException;
}
