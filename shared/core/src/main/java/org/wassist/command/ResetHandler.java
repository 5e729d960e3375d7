package org.wassist.command;

import org.wassist.memory.ConversationStore;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Outcome;

/** {@code !reset}: forgets this chat's conversation; the next message starts fresh. */
final class ResetHandler {
    private final ConversationStore store;

    ResetHandler(ConversationStore store) {
        this.store = store;
    }

    Outcome handle(MessageContext ctx) {
        store.clear(ctx.envelope().chatId());
        ctx.reply("🧹 Conversation context was reset. I no longer remember our earlier messages in this chat.");
        return new Outcome.Handled("reset");
    }
}
