package org.wassist.outbox;

import org.wassist.message.OutboundCommand;

/**
 * Where replies go: the outbound queue, grouped by chat. A send that returns has been accepted durably; a send that
 * fails throws, and the inbound message is retried.
 */
public interface Outbox {
    void send(OutboundCommand command);
}
