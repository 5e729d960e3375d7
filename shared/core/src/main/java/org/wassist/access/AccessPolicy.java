package org.wassist.access;

import java.util.Set;
import org.wassist.message.Envelope;
import org.wassist.message.Jids;
import org.wassist.pipeline.Role;

/**
 * Who may talk to the assistant. The linked account in its own chat and configured owner numbers are owners and
 * pass the whitelist; with the whitelist on, everyone else must be listed. An enabled but empty whitelist admits
 * owners only (safer than the seed system, which treated it as off).
 *
 * @param whitelistEnabled {@code WHITELISTED_ENABLED}
 * @param whitelist {@code WHITELISTED_PHONE_NUMBERS}
 * @param groupsEnabled {@code GROUPCHATS_ENABLED}
 * @param ownerPhones {@code OWNER_PHONE_NUMBERS}, digits only
 */
public record AccessPolicy(
        boolean whitelistEnabled, Whitelist whitelist, boolean groupsEnabled, Set<String> ownerPhones) {
    public AccessPolicy {
        ownerPhones = Set.copyOf(ownerPhones);
    }

    public Role roleOf(Envelope e) {
        if (e.selfChat()) {
            return Role.OWNER;
        }
        String phone = e.sender().phone();
        if (phone == null) {
            phone = Jids.phoneOf(e.sender().id());
        }
        return phone != null && ownerPhones.contains(phone) ? Role.OWNER : Role.USER;
    }

    public boolean admits(Envelope e, Role role) {
        return !whitelistEnabled || role == Role.OWNER || whitelist.allows(e);
    }
}
