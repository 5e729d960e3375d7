package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wassist.testkit.message.Envelopes.ALICE;
import static org.wassist.testkit.message.Envelopes.BOB;
import static org.wassist.testkit.message.Envelopes.GROUP;
import static org.wassist.testkit.message.Envelopes.ME;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.command.CommandCatalog;
import org.wassist.command.CommandSpec;
import org.wassist.message.Envelope;
import org.wassist.message.Media;
import org.wassist.message.MessageType;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Role;
import org.wassist.testkit.message.Envelopes;

/** {@code !help}, messages the assistant cannot read, and what is not addressed to it. */
class AssistantCommandsTest {
    private static final String PLAIN_TEXT_HINT = "without a command";
    private static final int MB = 1024 * 1024;

    @Test
    void helpListsTheCommandsAUserMayUseWithTheirPrefixes() {
        Harness h = Harness.defaults();

        Outcome outcome = h.deliver(Envelopes.text("!help").build());

        assertThat(outcome).isEqualTo(new Outcome.Handled("help"));
        assertThat(bullets(h.chatSees(ALICE).getFirst()))
                .containsExactlyElementsOf(usages(h, Role.USER))
                .containsExactly("!gpt <question>", "!reset", "!help");
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void helpForTheOwnerListsExactlyWhatTheOwnerRoleAllows() {
        Harness h = Harness.configured(Map.of("OWNER_PHONE_NUMBERS", "+49 151 00000002"));

        h.deliver(Envelopes.text("!help").from(BOB).build());

        assertThat(bullets(h.chatSees(BOB).getFirst())).containsExactlyElementsOf(usages(h, Role.OWNER));
    }

    @Test
    void helpShowsTheConfiguredPrefixes() {
        Harness h =
                Harness.configured(Map.of("GPT_PREFIX", "/ask", "RESET_PREFIX", "/new", "HELP_PREFIX", "/commands"));

        h.deliver(Envelopes.text("/commands").build());

        assertThat(bullets(h.chatSees(ALICE).getFirst())).containsExactly("/ask <question>", "/new", "/commands");
    }

    @Test
    void helpInAPrivateChatWhilePrefixesAreRequiredDoesNotOfferPlainText() {
        Harness h = Harness.defaults();

        h.deliver(Envelopes.text("!help").build());

        assertThat(h.chatSees(ALICE).getFirst()).doesNotContain(PLAIN_TEXT_HINT);
    }

    @Test
    void helpInTheSelfChatOffersPlainTextWhenThePrefixIsSkippedForMe() {
        Harness h = Harness.configured(Map.of("PREFIX_SKIPPED_FOR_ME", "true"));

        h.deliver(Envelopes.selfChat("!help").build());

        assertThat(h.chatSees(ME).getFirst()).contains(PLAIN_TEXT_HINT);
    }

    @Test
    void helpInTheSelfChatDoesNotOfferPlainTextWhenThePrefixIsRequiredThere() {
        Harness h = Harness.configured(Map.of("PREFIX_SKIPPED_FOR_ME", "false"));

        h.deliver(Envelopes.selfChat("!help").build());

        assertThat(h.chatSees(ME).getFirst()).doesNotContain(PLAIN_TEXT_HINT);
    }

    @Test
    void helpOffersPlainTextInPrivateChatsButNotInGroupsWhenPrefixesAreOff() {
        Harness h = Harness.configured(Map.of("PREFIX_ENABLED", "false", "GROUPCHATS_ENABLED", "true"));

        h.deliver(Envelopes.text("!help").build());
        h.deliver(Envelopes.text("!help").inGroup(GROUP).build());

        assertThat(h.chatSees(ALICE).getFirst()).contains(PLAIN_TEXT_HINT);
        assertThat(h.chatSees(GROUP).getFirst()).doesNotContain(PLAIN_TEXT_HINT);
    }

    @Test
    void plainTextWithoutThePrefixIsIgnoredSilentlyWhilePrefixesAreRequired() {
        Harness h = Harness.defaults();

        Outcome outcome = h.deliver(Envelopes.text("hello there").build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ADDRESSED));
        assertThat(h.outbox.sent()).isEmpty();
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void plainTextIsAnsweredInPrivateChatsWhenPrefixesAreOff() {
        Harness h = Harness.configured(Map.of("PREFIX_ENABLED", "false"));
        h.model.reply("Hi Alice.");

        h.deliver(Envelopes.text("hello there").build());

        assertThat(h.model.lastRequest().messages().getLast().content()).isEqualTo("hello there");
        assertThat(h.chatSees(ALICE)).containsExactly("Hi Alice.");
    }

    @Test
    void mediaAddressedToTheAssistantIsAnsweredWithE201() {
        Harness h = Harness.defaults();
        Media photo = Media.stored("inbound/k1", "image/jpeg", 2048, null, "ab12");

        Outcome outcome = h.deliver(
                Envelopes.media(MessageType.IMAGE, photo, "!gpt what is this?").build());

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.UNSUPPORTED_MESSAGE));
        assertThat(h.chatSees(ALICE)).singleElement().asString().contains("E201");
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void mediaTooLargeToFetchIsAnsweredWithE203NamingTheConfiguredLimit() {
        Harness h = Harness.configured(Map.of("MEDIA_MAX_MB", "7"));
        Media video = Media.notStored(Media.Status.TOO_LARGE, "video/mp4", 50L * MB, null);

        Outcome outcome = h.deliver(
                Envelopes.media(MessageType.VIDEO, video, "!gpt summarise").build());

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.MEDIA_TOO_LARGE));
        assertThat(h.chatSees(ALICE))
                .singleElement()
                .asString()
                .contains("E203")
                .contains("7 MB");
    }

    @Test
    void mediaNotAddressedToTheAssistantIsIgnoredSilently() {
        Harness h = Harness.defaults();
        Media voice = Media.stored("inbound/k2", "audio/ogg; codecs=opus", 4096, null, "cd34");

        Outcome outcome =
                h.deliver(Envelopes.media(MessageType.VOICE, voice, "").build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ADDRESSED));
        assertThat(h.outbox.sent()).isEmpty();
    }

    @Test
    void aVoiceNoteInTheSelfChatIsAddressedAndAnsweredWithE201() {
        Harness h = Harness.defaults();
        Media voice = Media.stored("inbound/k3", "audio/ogg; codecs=opus", 4096, null, "ef56");
        Envelope note = Envelopes.media(MessageType.VOICE, voice, "")
                .from(ME)
                .selfChat()
                .build();

        Outcome outcome = h.deliver(note);

        assertThat(outcome).isEqualTo(new Outcome.Rejected(ErrorCode.UNSUPPORTED_MESSAGE));
        assertThat(h.chatSees(ME)).singleElement().asString().contains("E201");
    }

    /** The usage lines of a help reply: the text of each bullet before its dash. */
    private static List<String> bullets(String help) {
        return help.lines()
                .filter(l -> l.startsWith("• "))
                .map(l -> l.substring(2, l.indexOf(" — ")))
                .toList();
    }

    private static List<String> usages(Harness h, Role role) {
        return new CommandCatalog(h.config.prefixes())
                .availableTo(role).stream().map(CommandSpec::usage).toList();
    }
}
