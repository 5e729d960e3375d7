package org.wassist.memory;

/** Counts tokens the way the configured model's tokenizer does (or a close estimate for unknown models). */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
