package org.wassist.testkit.memory;

import org.wassist.memory.ConversationStore;

class InMemoryConversationStoreTest extends ConversationStoreContract {
    private final InMemoryConversationStore store = new InMemoryConversationStore();

    @Override
    protected ConversationStore store() {
        return store;
    }
}
