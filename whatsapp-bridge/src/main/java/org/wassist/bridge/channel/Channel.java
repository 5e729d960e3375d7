package org.wassist.bridge.channel;

import org.jspecify.annotations.Nullable;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;

/** A messaging channel the bridge drives: WhatsApp Web in production, the chat simulator locally. */
public interface Channel extends AutoCloseable {
    /** Starts delivering inbound messages to sink; returns once started (login may still be pending). */
    void start(InboundSink sink);

    /**
     * Performs one outbound command; returns only when the channel accepted it. media is non-null for
     * image/voice/document commands.
     *
     * @throws ChannelException when the channel did not accept the command; {@link ChannelException#retryable()}
     *     tells whether trying again later can help
     */
    void perform(OutboundCommand command, MediaStore.@Nullable StoredMedia media) throws ChannelException;

    /** The current state, for /readyz and metrics. */
    ChannelStatus status();

    /**
     * The inbound queue accepted this envelope. Channels that keep a journal of published message ids (to pick up
     * missed messages after a restart without duplicates) record it here. Called on the publishing thread.
     */
    default void delivered(Envelope envelope) {}

    /**
     * The inbound sink refused messages and has room again (the queue accepts again and the buffer has drained).
     * Channels that can list recent messages offer the refused ones again now, oldest first. Called on the publishing
     * thread.
     */
    default void inboundResumed() {}

    /**
     * False when the channel's worker has stopped making progress (for example the browser thread is stuck); /livez
     * then answers 503 so that the orchestrator restarts the process.
     */
    default boolean alive() {
        return true;
    }

    /** What an operator needs to link the account right now (a QR payload, a pairing code), if anything. */
    default LoginPrompt loginPrompt() {
        return LoginPrompt.NONE;
    }

    @Override
    void close();

    /**
     * Closes within {@code within} at the latest (the rest of the process's shutdown budget), then returns even if the
     * channel's worker is still finishing. Channels with nothing slow to close need not override it.
     */
    default void close(java.time.Duration within) {
        close();
    }
}
