package org.wassist.command;

import java.util.Optional;
import org.wassist.message.Envelope;
import org.wassist.message.MessageType;

/** Turns an inbound message into the command it addresses to the assistant, if any. */
public final class CommandParser {
    private final Prefixes prefixes;

    public CommandParser(Prefixes prefixes) {
        this.prefixes = prefixes;
    }

    public Optional<Command> parse(Envelope e) {
        String text = e.text().strip();
        if (e.type() != MessageType.TEXT) {
            return addressedWithoutPrefix(e) || Prefixes.after(text, prefixes.chat()) != null
                    ? Optional.of(new Command.Unsupported(e.type()))
                    : Optional.empty();
        }
        if (Prefixes.after(text, prefixes.reset()) != null) {
            return Optional.of(new Command.Reset());
        }
        if (Prefixes.after(text, prefixes.help()) != null) {
            return Optional.of(new Command.Help());
        }
        String prompt = Prefixes.after(text, prefixes.chat());
        if (prompt != null) {
            return Optional.of(new Command.Chat(prompt));
        }
        if (!text.isEmpty() && addressedWithoutPrefix(e)) {
            return Optional.of(new Command.Chat(text));
        }
        return Optional.empty();
    }

    /** True where plain text goes to the model without a prefix. */
    boolean addressedWithoutPrefix(Envelope e) {
        if (e.selfChat()) {
            return prefixes.prefixSkippedForMe() || !prefixes.prefixEnabled();
        }
        return !e.isGroup() && !prefixes.prefixEnabled();
    }
}
