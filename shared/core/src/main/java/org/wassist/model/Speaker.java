package org.wassist.model;

/** Who said something in a conversation with the model. */
public enum Speaker {
    SYSTEM,
    USER,
    ASSISTANT
}
