package org.wassist.bridge;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.observability.Pseudonyms;
import org.wassist.outbox.OutboundQueue;

/**
 * What a failed command does next. A retryable failure makes it visible again after an exponential backoff in the
 * receive count; a permanent one is released at once and remembered, so it is not attempted again and the queue's
 * redrive policy moves it to the dead-letter queue after its maximum receives. Log lines carry the failure's code,
 * never its message (which can quote the page).
 */
final class SendFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);
    private static final int REMEMBERED = 5000;

    private final BridgeSettings.Outbound settings;
    private final Pseudonyms pseudonyms;
    private final BoundedIds permanent = new BoundedIds(REMEMBERED);

    SendFailures(BridgeSettings.Outbound settings, Pseudonyms pseudonyms) {
        this.settings = settings;
        this.pseudonyms = pseudonyms;
    }

    /** Whether this command already failed permanently in this process. */
    boolean isPermanent(String commandId) {
        return permanent.contains(commandId);
    }

    /** Releases the failed command; true when it will be tried again, so later commands of its chat must wait. */
    boolean failed(OutboundQueue.Received r, ChannelException e, BatchLease lease) {
        String what = r.command().getClass().getSimpleName() + " "
                + pseudonyms.message(r.command().commandId());
        if (!e.retryable()) {
            LOG.error("{} failed permanently ({}); left for the dead-letter queue", what, e.code());
            permanent.add(r.command().commandId());
            lease.release(r, Duration.ZERO);
            return false;
        }
        Duration delay = backoff(r.receiveCount());
        LOG.warn("{} failed ({}, receive {}); retrying in {} s", what, e.code(), r.receiveCount(), delay.toSeconds());
        lease.release(r, delay);
        return true;
    }

    /** {@code retryBase} × 2^(receives − 1), at most {@code retryMax}. */
    Duration backoff(int receiveCount) {
        int shift = Math.min(Math.max(receiveCount, 1) - 1, 20);
        Duration d = settings.retryBase().multipliedBy(1L << shift);
        return d.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : d;
    }
}
