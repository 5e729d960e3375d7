package org.wassist.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;

/**
 * Replies to one inbound message. Command ids are {@code <messageId>#<n>}: the same message processed again yields
 * the same ids, so the outbound queue's deduplication absorbs a repeated send. In groups, replies quote the message
 * they answer, so the thread stays readable.
 */
public final class Replies {
    private final Envelope inReplyTo;
    private final Outbox outbox;
    private final AtomicInteger sequence = new AtomicInteger();

    public Replies(Envelope inReplyTo, Outbox outbox) {
        this.inReplyTo = inReplyTo;
        this.outbox = outbox;
    }

    public void text(String text) {
        outbox.send(new OutboundCommand.SendText(nextId(), inReplyTo.chatId(), text, quote(), List.of()));
    }

    /** The number of commands sent so far for this message. */
    public int count() {
        return sequence.get();
    }

    private String nextId() {
        return inReplyTo.messageId() + "#" + sequence.incrementAndGet();
    }

    private @Nullable String quote() {
        return inReplyTo.isGroup() ? inReplyTo.messageId() : null;
    }
}
