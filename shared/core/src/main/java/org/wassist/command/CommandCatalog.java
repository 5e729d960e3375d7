package org.wassist.command;

import java.util.List;
import org.wassist.pipeline.Role;

/** Every command's spec, listed explicitly (never discovered by reflection). */
public final class CommandCatalog {
    private final CommandSpec chat;
    private final CommandSpec reset;
    private final CommandSpec help;
    private final CommandSpec unsupported;

    public CommandCatalog(Prefixes p) {
        this.chat = new CommandSpec(p.chat() + " <question>", "ask the assistant; it remembers this chat", Role.USER);
        this.reset = new CommandSpec(p.reset(), "forget this chat's conversation", Role.USER);
        this.help = new CommandSpec(p.help(), "show this list", Role.USER);
        this.unsupported = new CommandSpec("", "", Role.USER);
    }

    public CommandSpec specOf(Command command) {
        return switch (command) {
            case Command.Chat c -> chat;
            case Command.Reset r -> reset;
            case Command.Help h -> help;
            case Command.Unsupported u -> unsupported;
        };
    }

    /** The commands a role may use, in the order they are listed to users. */
    public List<CommandSpec> availableTo(Role role) {
        return List.of(chat, reset, help).stream()
                .filter(s -> role.atLeast(s.minRole()))
                .toList();
    }
}
