package org.wassist.command;

import java.util.Optional;
import org.wassist.memory.ContextWindow;
import org.wassist.memory.ConversationStore;
import org.wassist.message.Media;
import org.wassist.model.ChatModel;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Next;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Step;

/** The last step: parses the command, checks the sender's role against the command's minimum, and dispatches. */
public final class Route implements Step {
    private final CommandParser parser;
    private final CommandCatalog catalog;
    private final ChatHandler chat;
    private final ResetHandler reset;
    private final HelpHandler help;
    private final int mediaMaxMb;

    public Route(
            Prefixes prefixes, ChatSettings settings, ConversationStore store, ChatModel model, ContextWindow window) {
        this.parser = new CommandParser(prefixes);
        this.catalog = new CommandCatalog(prefixes);
        this.chat = new ChatHandler(store, model, window, settings, prefixes.chat());
        this.reset = new ResetHandler(store);
        this.help = new HelpHandler(catalog, parser);
        this.mediaMaxMb = settings.mediaMaxMb();
    }

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        Optional<Command> parsed = parser.parse(ctx.envelope());
        if (parsed.isEmpty()) {
            return next.proceed(ctx);
        }
        Command command = parsed.get();
        if (!ctx.role().atLeast(catalog.specOf(command).minRole())) {
            ctx.reply(ErrorCode.NOT_PERMITTED.userText());
            return new Outcome.Rejected(ErrorCode.NOT_PERMITTED);
        }
        return switch (command) {
            case Command.Chat c -> chat.handle(ctx, c);
            case Command.Reset r -> reset.handle(ctx);
            case Command.Help h -> help.handle(ctx);
            case Command.Unsupported u -> unsupported(ctx);
        };
    }

    private Outcome unsupported(MessageContext ctx) {
        Media media = ctx.envelope().media();
        ErrorCode code = media != null && media.status() == Media.Status.TOO_LARGE
                ? ErrorCode.MEDIA_TOO_LARGE
                : ErrorCode.UNSUPPORTED_MESSAGE;
        ctx.reply(code.userText(mediaMaxMb));
        return new Outcome.Rejected(code);
    }
}
