package org.wassist.access;

import org.wassist.message.Envelope;
import org.wassist.pipeline.MessageContext;
import org.wassist.pipeline.Next;
import org.wassist.pipeline.Outcome;
import org.wassist.pipeline.Role;
import org.wassist.pipeline.Step;

/**
 * Drops what the assistant must not answer, silently (no replies to strangers): group messages while groups are
 * off, the linked account's own messages outside its self-chat, and senders the whitelist does not admit. Sets the
 * sender's role for the steps after it.
 */
public final class Authorize implements Step {
    private final AccessPolicy policy;

    public Authorize(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Outcome handle(MessageContext ctx, Next next) {
        Envelope e = ctx.envelope();
        if (e.isGroup() && !policy.groupsEnabled()) {
            return new Outcome.Ignored(Outcome.Reason.GROUPS_DISABLED);
        }
        if (e.fromMe() && !e.selfChat()) {
            return new Outcome.Ignored(Outcome.Reason.OWN_MESSAGE);
        }
        Role role = policy.roleOf(e);
        if (!policy.admits(e, role)) {
            return new Outcome.Ignored(Outcome.Reason.NOT_ALLOWED);
        }
        return next.proceed(ctx.withRole(role));
    }
}
