package org.wassist.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wassist.Envelopes.direct;
import static org.wassist.Envelopes.group;
import static org.wassist.Envelopes.media;
import static org.wassist.Envelopes.selfChat;

import org.junit.jupiter.api.Test;
import org.wassist.message.MessageType;

class CommandParserTest {
    private static final Prefixes PREFIXED = new Prefixes("!gpt", "!reset", "!help", true, true);
    private static final Prefixes NO_PREFIX = new Prefixes("!gpt", "!reset", "!help", false, false);

    private final CommandParser parser = new CommandParser(PREFIXED);

    @Test
    void readsTheChatPromptAfterThePrefixIgnoringCase() {
        assertThat(parser.parse(direct("!GPT  What is 2+2? "))).contains(new Command.Chat("What is 2+2?"));
    }

    @Test
    void requiresWhitespaceOrEndAfterAPrefix() {
        assertThat(parser.parse(direct("!gpthello"))).isEmpty();
        assertThat(parser.parse(direct("!gpt"))).contains(new Command.Chat(""));
    }

    @Test
    void recognisesResetAndHelp() {
        assertThat(parser.parse(direct("!reset"))).contains(new Command.Reset());
        assertThat(parser.parse(direct("!Help please"))).contains(new Command.Help());
    }

    @Test
    void plainTextIsNotAddressedWhilePrefixesAreRequired() {
        assertThat(parser.parse(direct("hello there"))).isEmpty();
    }

    @Test
    void plainTextGoesToTheModelInPrivateChatsWhenPrefixIsDisabled() {
        CommandParser open = new CommandParser(NO_PREFIX);

        assertThat(open.parse(direct("hello there"))).contains(new Command.Chat("hello there"));
        assertThat(open.parse(group("hello there"))).isEmpty();
        assertThat(open.parse(group("!gpt hello"))).contains(new Command.Chat("hello"));
    }

    @Test
    void plainTextInTheSelfChatFollowsPrefixSkippedForMe() {
        assertThat(parser.parse(selfChat("remind me"))).contains(new Command.Chat("remind me"));
        CommandParser strict = new CommandParser(new Prefixes("!gpt", "!reset", "!help", true, false));
        assertThat(strict.parse(selfChat("remind me"))).isEmpty();
    }

    @Test
    void mediaAddressedToTheAssistantIsUnsupportedOtherwiseIgnored() {
        assertThat(parser.parse(media(MessageType.IMAGE, "!gpt what is this")))
                .contains(new Command.Unsupported(MessageType.IMAGE));
        assertThat(parser.parse(media(MessageType.VOICE, ""))).isEmpty();
        assertThat(new CommandParser(NO_PREFIX).parse(media(MessageType.VOICE, "")))
                .contains(new Command.Unsupported(MessageType.VOICE));
    }

    @Test
    void customPrefixesAreHonoured() {
        CommandParser custom = new CommandParser(new Prefixes("/ask", "/new", "/commands", true, true));

        assertThat(custom.parse(direct("/ask hi"))).contains(new Command.Chat("hi"));
        assertThat(custom.parse(direct("/new"))).contains(new Command.Reset());
        assertThat(custom.parse(direct("!gpt hi"))).isEmpty();
    }
}
