package org.wassist.pipeline;

/** What a sender may do, ordered from least to most privileged; a check is one comparison. */
public enum Role {
    /** Anyone allowed to talk to the assistant. */
    USER,
    /** May run operational commands. */
    OPERATOR,
    /** May change non-secret settings. */
    ADMIN,
    /** The account owner: the linked phone itself (self-chat) and numbers configured as owners. */
    OWNER;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }
}
