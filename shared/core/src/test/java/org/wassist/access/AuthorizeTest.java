package org.wassist.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wassist.Envelopes;
import org.wassist.message.ChatType;
import org.wassist.message.Envelope;
import org.wassist.message.MessageType;
import org.wassist.message.OutboundCommand;
import org.wassist.message.Sender;
import org.wassist.pipeline.Delivery;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Replies;
import org.wassist.pipeline.Role;

class AuthorizeTest {
    private final List<Role> seenRoles = new ArrayList<>();

    private Outcome run(AccessPolicy policy, Envelope e) {
        List<OutboundCommand> sent = new ArrayList<>();
        MessageContext ctx = MessageContext.of(
                e, Delivery.first(), new Replies(e, sent::add), Clock.fixed(Envelopes.AT, ZoneOffset.UTC));
        return new Authorize(policy).handle(ctx, c -> {
            seenRoles.add(c.role());
            return new Outcome.Handled("next");
        });
    }

    private static AccessPolicy policy(boolean whitelist, List<String> listed, boolean groups) {
        return new AccessPolicy(whitelist, Whitelist.of(listed), groups, Set.of("4915199999999"));
    }

    @Test
    void groupMessagesAreIgnoredWhileGroupsAreDisabled() {
        assertThat(run(policy(false, List.of(), false), Envelopes.group("!gpt hi")))
                .isEqualTo(new Outcome.Ignored(Outcome.Reason.GROUPS_DISABLED));
        assertThat(run(policy(false, List.of(), true), Envelopes.group("!gpt hi")))
                .isInstanceOf(Outcome.Handled.class);
    }

    @Test
    void aSenderNotOnTheWhitelistGetsNothing() {
        assertThat(run(policy(true, List.of("4915100000002"), false), Envelopes.direct("!gpt hi")))
                .isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED));
        assertThat(seenRoles).isEmpty();
    }

    @Test
    void aListedSenderGivenAsABareNumberPasses() {
        assertThat(run(policy(true, List.of("4915100000001"), false), Envelopes.direct("!gpt hi")))
                .isInstanceOf(Outcome.Handled.class);
        assertThat(seenRoles).containsExactly(Role.USER);
    }

    @Test
    void anEnabledButEmptyWhitelistAdmitsOwnersOnly() {
        assertThat(run(policy(true, List.of(), false), Envelopes.direct("hi")))
                .isEqualTo(new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED));
        assertThat(run(policy(true, List.of(), false), Envelopes.selfChat("hi")))
                .isInstanceOf(Outcome.Handled.class);
    }

    @Test
    void theSelfChatAndConfiguredOwnersAreOwners() {
        run(policy(false, List.of(), false), Envelopes.selfChat("hi"));
        Envelope fromOwner = Envelope.text(
                "sim", "4915199999999@c.us", Sender.ofJid("4915199999999@c.us"), "m", Envelopes.AT, "hi", false);
        run(policy(false, List.of(), false), fromOwner);

        assertThat(seenRoles).containsExactly(Role.OWNER, Role.OWNER);
    }

    @Test
    void theLinkedAccountsOwnMessagesInOtherChatsAreIgnored() {
        Envelope own = new Envelope(
                "wa-web",
                Envelopes.ALICE,
                ChatType.DIRECT,
                Sender.ofJid("4915199999999@c.us"),
                "m",
                Envelopes.AT,
                MessageType.TEXT,
                "!gpt hi",
                null,
                null,
                List.of(),
                null,
                List.of(),
                true,
                false);

        assertThat(run(policy(false, List.of(), false), own))
                .isEqualTo(new Outcome.Ignored(Outcome.Reason.OWN_MESSAGE));
    }
}
