package org.wassist.bridge.channel;

/** The media is larger than the limit the caller gave; it was not (fully) fetched. */
public final class MediaTooLargeException extends ChannelException {
    private static final long serialVersionUID = 1L;
    private final long size;

    public MediaTooLargeException(long size, long limit) {
        super(Code.MEDIA_TOO_LARGE, "media of " + size + " bytes is over the limit of " + limit + " bytes", false);
        this.size = size;
    }

    /** The actual size when known, else -1. */
    public long size() {
        return size;
    }
}
