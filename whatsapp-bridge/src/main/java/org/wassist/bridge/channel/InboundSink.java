package org.wassist.bridge.channel;

/**
 * Receives inbound messages from a channel. {@link #accept} only enqueues: it never blocks on the network, so a
 * channel may call it from its event thread.
 */
public interface InboundSink {
    /**
     * Takes the message for publishing, or refuses it when it cannot hold it now (its buffer is full because the queue
     * has been unreachable for long). A refused message stays the channel's: the channel must not count it as handed
     * on, and offers it again after {@link Channel#inboundResumed()}.
     *
     * @return true when the sink took the message
     */
    boolean accept(InboundMessage message);
}
