package org.wassist.testkit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;
import org.wassist.model.Speaker;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

/**
 * A {@link ChatModel} for tests: scripted replies and failures are used one per call in order; after that every call
 * gets the default answer, the echo {@code echo(<n> messages): <last user message>} (as the fake OpenAI server gives)
 * unless {@link #fixed} set a text. Usage is a word count: prompt tokens are the words of every message plus one per
 * message, completion tokens the words of the reply. Every request is recorded. Thread-safe.
 */
public final class InMemoryChatModel implements ChatModel {
    public static final String MODEL_NAME = "in-memory";

    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private volatile @Nullable String fixedText;

    private sealed interface Scripted permits Reply, Fail {}

    private record Reply(String text) implements Scripted {}

    private record Fail(Failure failure) implements Scripted {}

    /** Scripts the next calls to answer with these texts, in order. */
    public InMemoryChatModel reply(String... texts) {
        for (String text : texts) {
            script.add(new Reply(text));
        }
        return this;
    }

    /** Scripts the next call to throw this failure. */
    public InMemoryChatModel fail(Failure failure) {
        script.add(new Fail(failure));
        return this;
    }

    /** Scripts the next call to fail as an outage does: {@code Transient(MODEL_UNAVAILABLE)}. */
    public InMemoryChatModel outage() {
        return fail(new Failure.Transient(ErrorCode.MODEL_UNAVAILABLE, "scripted outage"));
    }

    /** Scripts the next call to be refused: {@code Permanent(MODEL_REJECTED)}. */
    public InMemoryChatModel rejection() {
        return fail(new Failure.Permanent(ErrorCode.MODEL_REJECTED, "scripted rejection"));
    }

    /** Unscripted calls answer with this text from now on. */
    public InMemoryChatModel fixed(String text) {
        fixedText = text;
        return this;
    }

    /** Unscripted calls echo the request from now on (the initial default). */
    public InMemoryChatModel echo() {
        fixedText = null;
        return this;
    }

    /** Scripted replies and failures not yet used. */
    public int pending() {
        return script.size();
    }

    /** Every request so far, in order. */
    public List<ChatRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The most recent request; fails when there was none. */
    public ChatRequest lastRequest() {
        synchronized (requests) {
            if (requests.isEmpty()) {
                throw new IllegalStateException("the in-memory model has received no request");
            }
            return requests.get(requests.size() - 1);
        }
    }

    @Override
    public ChatReply complete(ChatRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        Scripted next = script.poll();
        if (next instanceof Fail(Failure failure)) {
            throw failure;
        }
        String text = next instanceof Reply(String scripted) ? scripted : unscripted(request);
        return new ChatReply(text, MODEL_NAME, promptTokens(request), words(text));
    }

    private String unscripted(ChatRequest request) {
        String fixed = fixedText;
        return fixed != null ? fixed : echo(request.messages());
    }

    /** The echo both fakes give: {@code echo(<n> messages): <last user message>}. */
    public static String echo(List<ChatMessage> messages) {
        String last = "";
        for (ChatMessage m : messages) {
            if (m.speaker() == Speaker.USER) {
                last = m.content();
            }
        }
        return "echo(" + messages.size() + " messages): " + last;
    }

    private static int promptTokens(ChatRequest request) {
        int n = 0;
        for (ChatMessage m : request.messages()) {
            n += words(m.content()) + 1;
        }
        return n;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
