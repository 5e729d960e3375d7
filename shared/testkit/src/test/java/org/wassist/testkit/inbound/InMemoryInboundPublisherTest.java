package org.wassist.testkit.inbound;

import java.util.List;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;

class InMemoryInboundPublisherTest extends InboundPublisherContract {
    private final InMemoryInboundPublisher publisher = new InMemoryInboundPublisher();

    @Override
    protected InboundPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<Envelope> queued(String chatId, int expected) {
        return publisher.queued().stream()
                .filter(e -> e.chatId().equals(chatId))
                .toList();
    }
}
