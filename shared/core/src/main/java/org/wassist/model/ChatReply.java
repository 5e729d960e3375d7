package org.wassist.model;

/** The model's answer and what it cost in tokens (zeros when the server does not report usage). */
public record ChatReply(String text, String model, int promptTokens, int completionTokens) {}
