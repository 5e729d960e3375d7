package org.wassist.model;

/**
 * A language model behind an OpenAI-compatible chat API. Implementations throw
 * {@link org.wassist.pipeline.Failure.Transient} with {@code MODEL_UNAVAILABLE} for timeouts, throttling and server
 * errors once their own retries are spent, and {@link org.wassist.pipeline.Failure.Permanent} for requests the
 * model refuses or when no credentials are configured. Provider error texts never leave the adapter.
 */
public interface ChatModel {
    ChatReply complete(ChatRequest request);
}
