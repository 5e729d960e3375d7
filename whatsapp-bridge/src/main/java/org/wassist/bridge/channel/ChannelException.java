package org.wassist.bridge.channel;

/**
 * The channel did not accept a command or could not provide media. Retryable failures (not connected, a timeout, a
 * transient page error) are retried with backoff; permanent ones (unknown chat, a missing capability, bad input) are
 * not retried by the bridge and end in the dead-letter queue.
 *
 * <p>Logs carry only the {@link #code()}. The message may hold what WhatsApp Web or Playwright said, which can quote
 * the message being sent, so it is for debugging in a test, never for a log line.
 */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Code code;
    private final boolean retryable;

    /** What went wrong, as a fixed name that logs and metrics may carry. */
    public enum Code {
        /** The WhatsApp session is not connected. */
        NOT_CONNECTED,
        /** The channel is closed, or its browser is restarting. */
        UNAVAILABLE,
        /** The browser did not start or finish the work in time. */
        TIMEOUT,
        /** WhatsApp Web refused the command (the injected script answered "not ok"). */
        REFUSED,
        /** A call into the page failed (Playwright or a script error). */
        PAGE_ERROR,
        /** The command's media object is not in the media store. */
        MEDIA_MISSING,
        /** The media store could not be read. */
        MEDIA_STORE,
        /** The media is larger than the limit. */
        MEDIA_TOO_LARGE,
        /** The command cannot be performed as given. */
        INVALID,
        /** The wait for the channel was interrupted. */
        INTERRUPTED,
        /** A channel that does not classify its failures. */
        OTHER
    }

    public ChannelException(Code code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public ChannelException(Code code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    /** A failure without a code ({@link Code#OTHER}). */
    public ChannelException(String message, boolean retryable) {
        this(Code.OTHER, message, retryable);
    }

    /** A failure without a code ({@link Code#OTHER}). */
    public ChannelException(String message, boolean retryable, Throwable cause) {
        this(Code.OTHER, message, retryable, cause);
    }

    /** Whether trying the same thing again later can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** What went wrong; the only part of the failure that goes into a log line. */
    public Code code() {
        return code;
    }
}
