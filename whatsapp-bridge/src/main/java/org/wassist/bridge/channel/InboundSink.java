package org.wassist.bridge.channel;

/**
 * Receives inbound messages from a channel. {@link #accept} only enqueues: it never blocks on the network, so a
 * channel may call it from its event thread.
 */
public interface InboundSink {
    void accept(InboundMessage message);
}
