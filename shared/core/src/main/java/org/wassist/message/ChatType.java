package org.wassist.message;

/** Whether a chat is one person or a group. */
public enum ChatType {
    DIRECT,
    GROUP
}
