package org.wassist.pipeline;

/**
 * Every failure a user can see has a code and a friendly, actionable message. Provider error texts never reach a
 * chat; the code lets an operator find the matching log line.
 */
public enum ErrorCode {
    MODEL_UNAVAILABLE("E101", "The assistant can't reach its language model right now. Please try again in a minute."),
    MODEL_REJECTED("E102", "The language model refused this request. Try rephrasing it."),
    MODEL_NOT_CONFIGURED("E103", "The assistant isn't set up yet: the operator has not configured a model API key."),
    PROMPT_TOO_LONG("E104", "That message is too long for me to handle in one go. Please shorten it."),
    EMPTY_PROMPT(
            "E105", "Please write your question after the command, for example: %s What is the capital of France?"),
    UNSUPPORTED_MESSAGE("E201", "I can only read text messages for now."),
    MEDIA_TOO_LARGE("E203", "That file is larger than %s MB, the most I can accept. Please send a smaller one."),
    NOT_PERMITTED("E202", "You don't have permission to use that command."),
    MALFORMED_MESSAGE("E301", "Something went wrong reading your message. Please send it again."),
    INTERNAL("E900", "Something went wrong on my side. Please try again.");

    private final String code;
    private final String message;

    ErrorCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    /** The text a user sees: the friendly message and the code. {@code args} fill {@code %s} placeholders. */
    public String userText(Object... args) {
        return "⚠️ " + String.format(java.util.Locale.ROOT, message, args) + " (" + code + ")";
    }
}
