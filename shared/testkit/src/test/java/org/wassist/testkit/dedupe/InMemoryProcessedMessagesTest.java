package org.wassist.testkit.dedupe;

import org.wassist.dedupe.ProcessedMessages;

class InMemoryProcessedMessagesTest extends ProcessedMessagesContract {
    private final InMemoryProcessedMessages store = new InMemoryProcessedMessages();

    @Override
    protected ProcessedMessages store() {
        return store;
    }
}
