package org.wassist.pipeline;

import java.time.Clock;
import org.wassist.message.Envelope;

/**
 * Everything a step needs about one inbound message: the envelope, how it was delivered, the sender's role (set by
 * the access step), the clock, and a way to reply in the same chat. Immutable; {@link #withRole} returns a copy that
 * shares the reply sequence.
 */
public final class MessageContext {
    private final Envelope envelope;
    private final Delivery delivery;
    private final Role role;
    private final Replies replies;
    private final Clock clock;

    private MessageContext(Envelope envelope, Delivery delivery, Role role, Replies replies, Clock clock) {
        this.envelope = envelope;
        this.delivery = delivery;
        this.role = role;
        this.replies = replies;
        this.clock = clock;
    }

    public static MessageContext of(Envelope envelope, Delivery delivery, Replies replies, Clock clock) {
        return new MessageContext(envelope, delivery, Role.USER, replies, clock);
    }

    public Envelope envelope() {
        return envelope;
    }

    public Delivery delivery() {
        return delivery;
    }

    public Role role() {
        return role;
    }

    public Clock clock() {
        return clock;
    }

    public Replies replies() {
        return replies;
    }

    public MessageContext withRole(Role newRole) {
        return new MessageContext(envelope, delivery, newRole, replies, clock);
    }

    /** Sends a text reply to the chat this message came from. */
    public void reply(String text) {
        replies.text(text);
    }
}
