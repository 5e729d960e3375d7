package org.wassist.command;

import org.wassist.message.MessageType;

/** What a user asked for. The router's switch over this type is exhaustive: a command without a handler does not compile. */
public sealed interface Command {
    /** Talk to the model; {@code prompt} may be blank when the user sent only the prefix. */
    record Chat(String prompt) implements Command {}

    /** Forget this chat's conversation. */
    record Reset() implements Command {}

    /** List what the sender may use. */
    record Help() implements Command {}

    /** A message addressed to the assistant that it cannot read yet (media). */
    record Unsupported(MessageType type) implements Command {}
}
