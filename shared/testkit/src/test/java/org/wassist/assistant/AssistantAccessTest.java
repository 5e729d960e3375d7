package org.wassist.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wassist.testkit.message.Envelopes.ALICE;
import static org.wassist.testkit.message.Envelopes.BOB;
import static org.wassist.testkit.message.Envelopes.GROUP;
import static org.wassist.testkit.message.Envelopes.ME;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wassist.message.Sender;
import org.wassist.pipeline.Outcome;
import org.wassist.testkit.message.Envelopes;

/**
 * Who is answered, through the assembled assistant: the whitelist in its accepted spellings, groups, the linked
 * account's own messages and its self-chat. Whoever is not answered hears nothing and costs no model call.
 */
class AssistantAccessTest {
    @Test
    void withTheWhitelistOffAnyoneIsAnswered() {
        Harness h = Harness.configured(Map.of("WHITELISTED_ENABLED", "false"));

        h.deliver(Envelopes.text("!gpt hi").from(BOB).build());

        assertThat(h.chatSees(BOB)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4915100000002", "+49 151 00000002", "004915100000002", "4915100000002@c.us"})
    void aSenderListedInAnyAcceptedSpellingIsAnswered(String listed) {
        Harness h = Harness.configured(Map.of("WHITELISTED_ENABLED", "true", "WHITELISTED_PHONE_NUMBERS", listed));

        h.deliver(Envelopes.text("!gpt hi").from(BOB).build());

        assertThat(h.chatSees(BOB)).hasSize(1);
    }

    @Test
    void aSenderNotOnTheWhitelistIsIgnoredSilently() {
        Harness h = Harness.configured(
                Map.of("WHITELISTED_ENABLED", "true", "WHITELISTED_PHONE_NUMBERS", "+4915100000002, 4915100000003"));

        Outcome outcome = h.deliver(Envelopes.text("!gpt hi").from(ALICE).build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED));
        assertThat(h.outbox.sent()).isEmpty();
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void aSenderKnownOnlyByAPrivacyIdIsAnsweredWhenThatIdIsListed() {
        Harness h = Harness.configured(
                Map.of("WHITELISTED_ENABLED", "true", "WHITELISTED_PHONE_NUMBERS", "123456789012345@lid"));
        Sender hidden = new Sender("123456789012345@lid", null, "Hidden");

        h.deliver(Envelopes.text("!gpt hi").from(hidden).build());

        assertThat(h.chatSees("123456789012345@lid")).hasSize(1);
    }

    @Test
    void aListedGroupAdmitsEveryMember() {
        Harness h = Harness.configured(Map.of(
                "WHITELISTED_ENABLED", "true", "WHITELISTED_PHONE_NUMBERS", GROUP, "GROUPCHATS_ENABLED", "true"));

        h.deliver(Envelopes.text("!gpt hi").from(BOB).inGroup(GROUP).build());

        assertThat(h.chatSees(GROUP)).hasSize(1);
    }

    @Test
    void aConfiguredOwnerPassesAWhitelistThatDoesNotListThem() {
        Harness h = Harness.configured(Map.of(
                "WHITELISTED_ENABLED", "true",
                "WHITELISTED_PHONE_NUMBERS", "4915100000003",
                "OWNER_PHONE_NUMBERS", "+49 151 00000002"));

        h.deliver(Envelopes.text("!gpt hi").from(BOB).build());

        assertThat(h.chatSees(BOB)).hasSize(1);
    }

    @Test
    void groupMessagesAreIgnoredSilentlyWhileGroupsAreDisabled() {
        Harness h = Harness.configured(Map.of(
                "GROUPCHATS_ENABLED", "false", "WHITELISTED_ENABLED", "true", "WHITELISTED_PHONE_NUMBERS", GROUP));

        Outcome outcome = h.deliver(Envelopes.text("!gpt hi").inGroup(GROUP).build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.GROUPS_DISABLED));
        assertThat(h.outbox.sent()).isEmpty();
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void theLinkedAccountsOwnMessagesInOtherChatsAreIgnored() {
        Harness h = Harness.defaults();

        Outcome outcome = h.deliver(
                Envelopes.text("!gpt hi").from(ME).inChat(ALICE).fromMe().build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.OWN_MESSAGE));
        assertThat(h.outbox.sent()).isEmpty();
        assertThat(h.modelRequests()).isEmpty();
    }

    @Test
    void plainTextInTheSelfChatIsAnsweredWhenThePrefixIsSkippedForMe() {
        Harness h = Harness.configured(Map.of("PREFIX_ENABLED", "true", "PREFIX_SKIPPED_FOR_ME", "true"));
        h.model.reply("Noted.");

        Outcome outcome = h.deliver(Envelopes.selfChat("remind me to call mum").build());

        assertThat(outcome).isEqualTo(new Outcome.Handled("chat"));
        assertThat(h.model.lastRequest().messages().getLast().content()).isEqualTo("remind me to call mum");
        assertThat(h.chatSees(ME)).containsExactly("Noted.");
    }

    @Test
    void plainTextInTheSelfChatIsIgnoredWhenThePrefixIsRequiredThere() {
        Harness h = Harness.configured(Map.of("PREFIX_ENABLED", "true", "PREFIX_SKIPPED_FOR_ME", "false"));

        Outcome outcome = h.deliver(Envelopes.selfChat("remind me to call mum").build());

        assertThat(outcome).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ADDRESSED));
        assertThat(h.outbox.sent()).isEmpty();
    }

    @Test
    void theSelfChatPassesAnEnabledButEmptyWhitelist() {
        Harness h = Harness.configured(Map.of("WHITELISTED_ENABLED", "true"));

        h.deliver(Envelopes.selfChat("!gpt hi").build());
        Outcome stranger = h.deliver(Envelopes.text("!gpt hi").from(BOB).build());

        assertThat(h.chatSees(ME)).hasSize(1);
        assertThat(stranger).isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED));
    }
}
