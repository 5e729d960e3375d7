package org.wassist.command;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The command prefixes ({@code GPT_PREFIX}, {@code RESET_PREFIX}, {@code HELP_PREFIX}) and when plain text counts as a
 * chat message: in private chats when {@code PREFIX_ENABLED=false}, and in the self-chat when
 * {@code PREFIX_SKIPPED_FOR_ME=true}. Groups always need a prefix.
 */
public record Prefixes(String chat, String reset, String help, boolean prefixEnabled, boolean prefixSkippedForMe) {
    public Prefixes {
        chat = chat.strip();
        reset = reset.strip();
        help = help.strip();
    }

    /**
     * The text after {@code prefix} if {@code text} starts with it (ignoring case) followed by whitespace or the end;
     * otherwise null. {@code "!gpt hi"} gives {@code "hi"}, {@code "!gpthi"} gives null.
     */
    static @Nullable String after(String text, String prefix) {
        if (text.length() < prefix.length()
                || !text.substring(0, prefix.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(prefix.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = text.substring(prefix.length());
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            return null;
        }
        return rest.strip();
    }
}
