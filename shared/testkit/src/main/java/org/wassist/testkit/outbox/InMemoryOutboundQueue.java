package org.wassist.testkit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.OutboundQueue;
import org.wassist.outbox.Outbox;

/**
 * The outbound FIFO queue in memory, with an injected clock: messages of one chat are delivered in order and one
 * batch at a time (a chat with a message in flight is held back), repeated command ids are dropped, received messages
 * stay invisible for the visibility timeout, and a message received {@code maxReceives} times moves to {@link
 * #deadLetters()} on its next receive. {@link #receive} never blocks. Passes {@link OutboundQueueContract}.
 */
public final class InMemoryOutboundQueue implements OutboundQueue {
    private final Clock clock;
    private final Duration visibility;
    private final int maxReceives;
    private final List<Message> messages = new ArrayList<>();
    private final List<OutboundCommand> deadLetters = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();

    private static final class Message {
        final OutboundCommand command;
        int receiveCount;
        Instant visibleAt = Instant.MIN;

        @Nullable
        String receiptHandle;

        Message(OutboundCommand command) {
            this.command = command;
        }
    }

    public InMemoryOutboundQueue(Clock clock, Duration visibility, int maxReceives) {
        this.clock = clock;
        this.visibility = visibility;
        this.maxReceives = maxReceives;
    }

    /** With the deployment's outbound settings: 30 s visibility, 5 receives. */
    public InMemoryOutboundQueue(Clock clock) {
        this(clock, Duration.ofSeconds(30), 5);
    }

    /** The producer side: sends land on this queue. */
    public Outbox outbox() {
        return this::enqueue;
    }

    private synchronized void enqueue(OutboundCommand command) {
        if (seenIds.add(command.commandId())) {
            messages.add(new Message(command));
        }
    }

    @Override
    public synchronized List<Received> receive(int max, Duration wait) {
        Instant now = clock.instant();
        Set<String> blocked = new HashSet<>();
        for (Message m : messages) {
            if (m.visibleAt.isAfter(now)) {
                blocked.add(m.command.chatId());
            }
        }
        List<Received> batch = new ArrayList<>();
        for (Message m : List.copyOf(messages)) {
            if (batch.size() >= max) {
                break;
            }
            if (blocked.contains(m.command.chatId()) || m.visibleAt.isAfter(now)) {
                continue;
            }
            if (m.receiveCount >= maxReceives) {
                messages.remove(m);
                deadLetters.add(m.command);
                continue;
            }
            m.receiveCount++;
            m.visibleAt = now.plus(visibility);
            m.receiptHandle = UUID.randomUUID().toString();
            batch.add(new Received(m.command, m.receiveCount, m.receiptHandle));
        }
        return batch;
    }

    @Override
    public synchronized void ack(Received received) {
        messages.removeIf(m -> received.receiptHandle().equals(m.receiptHandle));
    }

    @Override
    public synchronized void retryLater(Received received, Duration delay) {
        for (Message m : messages) {
            if (received.receiptHandle().equals(m.receiptHandle)) {
                m.visibleAt = clock.instant().plus(delay);
            }
        }
    }

    /** Commands that ran out of receives. */
    public synchronized List<OutboundCommand> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Commands still queued, visible or not. */
    public synchronized int depth() {
        return messages.size();
    }
}
