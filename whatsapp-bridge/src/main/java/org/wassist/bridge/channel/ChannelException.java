package org.wassist.bridge.channel;

/**
 * The channel did not accept a command or could not provide media. Retryable failures (not connected, a timeout, a
 * transient page error) are retried with backoff; permanent ones (unknown chat, a missing capability, bad input) are
 * not retried by the bridge and end in the dead-letter queue. Messages never contain message text or ids in clear.
 */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public ChannelException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ChannelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether trying the same thing again later can succeed. */
    public boolean retryable() {
        return retryable;
    }
}
