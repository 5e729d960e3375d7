package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wassist.outbox.OutboundQueue;

/**
 * An outbound queue that treats receipt handles as SQS FIFO queues do: a handle expires with the message's visibility
 * timeout, after which DeleteMessage and ChangeMessageVisibility with it fail ("The receipt handle has expired"). Each
 * such late call is recorded, so a test can assert that no command was left to lapse while it waited in a batch.
 */
final class ExpiringReceiptQueue implements OutboundQueue {
    private final OutboundQueue delegate;
    private final Clock clock;
    private final Duration visibility;
    private final Map<String, Instant> invisibleUntil = new HashMap<>();
    private final List<String> lateCalls = new ArrayList<>();

    ExpiringReceiptQueue(OutboundQueue delegate, Clock clock, Duration visibility) {
        this.delegate = delegate;
        this.clock = clock;
        this.visibility = visibility;
    }

    @Override
    public synchronized List<Received> receive(int max, Duration wait) {
        List<Received> batch = delegate.receive(max, wait);
        for (Received r : batch) {
            invisibleUntil.put(r.receiptHandle(), clock.instant().plus(visibility));
        }
        return batch;
    }

    @Override
    public synchronized void ack(Received received) {
        requireLive("ack", received);
        delegate.ack(received);
    }

    @Override
    public synchronized void retryLater(Received received, Duration delay) {
        requireLive("retryLater", received);
        invisibleUntil.put(received.receiptHandle(), clock.instant().plus(delay));
        delegate.retryLater(received, delay);
    }

    /** The calls made with an expired handle, as {@code "<call> <commandId>"}. */
    synchronized List<String> lateCalls() {
        return List.copyOf(lateCalls);
    }

    private void requireLive(String call, Received r) {
        Instant until = invisibleUntil.get(r.receiptHandle());
        if (until != null && clock.instant().isAfter(until)) {
            lateCalls.add(call + " " + r.command().commandId());
            throw new IllegalStateException("the receipt handle has expired");
        }
    }
}
