package org.wassist.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.wassist.model.ChatMessage;
import org.wassist.model.Speaker;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

/**
 * Builds what the model sees: the system instruction (on every call, when set), as many of the newest remembered
 * turns as fit the token budget, and the user's new message, which is always sent. Older turns are dropped first;
 * the window never starts with an assistant turn whose question was dropped.
 */
public final class ContextWindow {
    /** Per-message framing the chat format adds on top of the content. */
    static final int MESSAGE_OVERHEAD = 4;

    private final TokenCounter counter;
    private final int budget;

    /** @param budget the most input tokens per call: instruction, history and the new message together */
    public ContextWindow(TokenCounter counter, int budget) {
        if (budget < 16) {
            throw new IllegalArgumentException("token budget too small: " + budget);
        }
        this.counter = counter;
        this.budget = budget;
    }

    public List<ChatMessage> build(String instruction, List<Turn> history, String prompt) {
        int fixed = cost(prompt) + (instruction.isBlank() ? 0 : cost(instruction));
        if (fixed > budget) {
            throw new Failure.Permanent(
                    ErrorCode.PROMPT_TOO_LONG, "prompt needs " + fixed + " tokens, budget " + budget);
        }
        List<ChatMessage> out = new ArrayList<>(history.size() + 2);
        if (!instruction.isBlank()) {
            out.add(ChatMessage.system(instruction));
        }
        out.addAll(newestThatFit(history, budget - fixed));
        out.add(ChatMessage.user(prompt));
        return out;
    }

    /** The newest turns whose cost fits {@code room}, oldest first, never starting with an assistant turn. */
    private Deque<ChatMessage> newestThatFit(List<Turn> history, int room) {
        Deque<ChatMessage> kept = new ArrayDeque<>();
        int used = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn t = history.get(i);
            int c = cost(t.content());
            if (used + c > room) {
                break;
            }
            used += c;
            kept.addFirst(new ChatMessage(t.speaker(), t.content()));
        }
        while (!kept.isEmpty() && kept.peekFirst().speaker() == Speaker.ASSISTANT) {
            kept.removeFirst();
        }
        return kept;
    }

    private int cost(String text) {
        return counter.count(text) + MESSAGE_OVERHEAD;
    }
}
