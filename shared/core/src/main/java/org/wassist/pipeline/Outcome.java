package org.wassist.pipeline;

/** What became of one inbound message. Failures that must be retried are exceptions, not outcomes. */
public sealed interface Outcome {
    /** Short label for logs and metrics. */
    String label();

    /** The assistant acted on the message (it usually replied). */
    record Handled(String what) implements Outcome {
        @Override
        public String label() {
            return "handled:" + what;
        }
    }

    /** Deliberately not acted on, without a reply. */
    record Ignored(Reason reason) implements Outcome {
        @Override
        public String label() {
            return "ignored:" + reason.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Refused or failed permanently; the user was told, with a code. */
    record Rejected(ErrorCode code) implements Outcome {
        @Override
        public String label() {
            return "rejected:" + code.code();
        }
    }

    /** Why a message was ignored. */
    enum Reason {
        DUPLICATE,
        /** Another delivery of the same message holds the claim and will answer. */
        BEING_PROCESSED,
        NOT_ALLOWED,
        GROUPS_DISABLED,
        NOT_ADDRESSED,
        OWN_MESSAGE
    }
}
