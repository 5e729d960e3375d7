package org.wassist.command;

import java.util.List;
import java.util.Optional;
import org.wassist.memory.ContextWindow;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.message.Envelope;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Outcome;

/**
 * Answers a chat message with the model, remembering the exchange. If this message was answered before (a
 * redelivery after the answer was stored but before the delivery was acknowledged), the stored answer is sent again
 * instead of asking the model twice; the outbound queue drops the repeat if the first send got through.
 */
final class ChatHandler {
    private final ConversationStore store;
    private final ChatModel model;
    private final ContextWindow window;
    private final ChatSettings settings;
    private final String chatPrefix;

    ChatHandler(
            ConversationStore store, ChatModel model, ContextWindow window, ChatSettings settings, String chatPrefix) {
        this.store = store;
        this.model = model;
        this.window = window;
        this.settings = settings;
        this.chatPrefix = chatPrefix;
    }

    Outcome handle(MessageContext ctx, Command.Chat chat) {
        if (chat.prompt().isBlank()) {
            ctx.reply(ErrorCode.EMPTY_PROMPT.userText(chatPrefix));
            return new Outcome.Rejected(ErrorCode.EMPTY_PROMPT);
        }
        Envelope e = ctx.envelope();
        Optional<Exchange> answered = store.find(e.chatId(), e.messageId());
        if (answered.isPresent()) {
            send(ctx, answered.get().assistantText());
            return new Outcome.Handled("chat-replayed");
        }
        List<ChatMessage> messages =
                window.build(settings.prePrompt(), store.recent(e.chatId(), settings.historyTurns()), chat.prompt());
        ChatReply reply = model.complete(new ChatRequest(messages, settings.maxReplyTokens()));
        if (reply.text().isBlank()) {
            throw new Failure.Permanent(ErrorCode.MODEL_REJECTED, "model returned an empty answer");
        }
        Exchange exchange = new Exchange(
                e.messageId(), chat.prompt(), reply.text(), ctx.clock().instant());
        send(ctx, remember(e, exchange));
        return new Outcome.Handled("chat");
    }

    /**
     * Stores the exchange and returns the answer to send. When another delivery of this message stored its answer
     * first (it took over after this one's lease expired), that answer is sent: both deliveries then send the same
     * text under the same command ids, so the chat never gets parts of two different answers.
     */
    private String remember(Envelope e, Exchange exchange) {
        if (store.append(e.chatId(), exchange)) {
            return exchange.assistantText();
        }
        return store.find(e.chatId(), e.messageId())
                .map(Exchange::assistantText)
                .orElse(exchange.assistantText());
    }

    private void send(MessageContext ctx, String text) {
        for (String part : TextChunks.split(text, settings.maxReplyChars())) {
            ctx.reply(part);
        }
    }
}
