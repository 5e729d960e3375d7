package org.wassist.local;

import java.util.List;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.RecordedRequest;

/** What the fake model received from the local run: the chat requests, found by their newest user message. */
final class ModelCalls {
    private final FakeOpenAi fake;

    ModelCalls(FakeOpenAi fake) {
        this.fake = fake;
    }

    /** Every chat request whose last user message is {@code prompt}. */
    List<RecordedRequest> withPrompt(String prompt) {
        return fake.chatRequests().stream()
                .filter(r -> prompt.equals(r.lastUserMessage()))
                .toList();
    }

    /** The one chat request for {@code prompt}; fails when there were none or several. */
    RecordedRequest only(String prompt) {
        List<RecordedRequest> found = withPrompt(prompt);
        if (found.size() != 1) {
            throw new AssertionError("expected one model request for a prompt but found " + found.size());
        }
        return found.get(0);
    }

    /** Whether any chat request so far holds {@code fragment} in any of its messages. */
    boolean anyMentions(String fragment) {
        return fake.chatRequests().stream()
                .flatMap(r -> r.messages().stream())
                .anyMatch(m -> m.content().contains(fragment));
    }

    /** The contents of a request's messages, as {@code role: content}. */
    static List<String> contents(RecordedRequest request) {
        return request.messages().stream()
                .map(m -> m.role() + ": " + m.content())
                .toList();
    }
}
