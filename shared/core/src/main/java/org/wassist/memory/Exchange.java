package org.wassist.memory;

import java.time.Instant;

/**
 * A user message and the assistant's answer to it, stored together so memory never holds a question without its
 * answer. {@code sourceMessageId} makes storing it idempotent.
 */
public record Exchange(String sourceMessageId, String userText, String assistantText, Instant at) {}
