package org.wassist.command;

import java.util.List;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Outcome;

/** {@code !help}: lists the commands the sender's role allows, and whether plain text reaches the assistant here. */
final class HelpHandler {
    private final CommandCatalog catalog;
    private final CommandParser parser;

    HelpHandler(CommandCatalog catalog, CommandParser parser) {
        this.catalog = catalog;
        this.parser = parser;
    }

    Outcome handle(MessageContext ctx) {
        List<CommandSpec> specs = catalog.availableTo(ctx.role());
        StringBuilder text = new StringBuilder("Here is what you can use:\n");
        for (CommandSpec s : specs) {
            text.append("\n• ").append(s.usage()).append(" — ").append(s.description());
        }
        if (parser.addressedWithoutPrefix(ctx.envelope())) {
            text.append("\n\nIn this chat you can also just write to me without a command.");
        }
        ctx.reply(text.toString());
        return new Outcome.Handled("help");
    }
}
