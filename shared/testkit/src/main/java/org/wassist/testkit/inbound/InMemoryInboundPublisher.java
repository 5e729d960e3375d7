package org.wassist.testkit.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wassist.dedupe.Deduplicate;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;

/**
 * Records published envelopes. {@link #queued()} is what the inbound FIFO queue would hold: an envelope with the same
 * {@code channel:messageId} as an earlier one is dropped. Passes {@link InboundPublisherContract}.
 */
public final class InMemoryInboundPublisher implements InboundPublisher {
    private final List<Envelope> published = new ArrayList<>();
    private final Map<String, Envelope> queued = new LinkedHashMap<>();

    @Override
    public synchronized void publish(Envelope envelope) {
        published.add(envelope);
        queued.putIfAbsent(Deduplicate.keyOf(envelope), envelope);
    }

    /** Every publish, repeats included. */
    public synchronized List<Envelope> published() {
        return List.copyOf(published);
    }

    /** Each message once, in the order first published. */
    public synchronized List<Envelope> queued() {
        return List.copyOf(queued.values());
    }
}
