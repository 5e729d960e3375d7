package org.wassist.standins.openai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake OpenAI-compatible server on {@code 127.0.0.1} (a free port) speaking the real wire format: {@code POST
 * /v1/chat/completions} (non-streaming, with {@code usage}) and {@code GET /v1/models}.
 *
 * <p>Every request is recorded in arrival order. A chat request is answered by the first of: the behaviour set for
 * its key ({@link #forKey}; also answers {@code /v1/models}); the next scripted response ({@link #enqueue}, consumed
 * once); the default ({@link #echo()}, the initial one, {@link #fixed} or {@link #byDefault}).
 *
 * <p>The echo reply is {@code echo(<n> messages): <last user message>}, so a test sees exactly what history the model
 * received. Usage is a word count: {@code prompt_tokens} is the words of every message plus one per message, {@code
 * completion_tokens} the words of the reply. A request without a bearer token, or without {@code model} or {@code
 * messages}, gets the 401 or 400 OpenAI would send, and the script is not consumed.
 *
 * <p>No latency is added unless a response asks for a delay. Thread-safe; {@link #close()} stops it.
 */
public final class FakeOpenAi implements AutoCloseable {
    public static final String CHAT_PATH = "/v1/chat/completions";
    public static final String MODELS_PATH = "/v1/models";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Script script = new Script();
    private final FakeHandler handler = new FakeHandler(script);

    private FakeOpenAi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on a free loopback port. */
    public static FakeOpenAi start() {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            FakeOpenAi fake = new FakeOpenAi(server, executor);
            server.createContext("/", fake.handler);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("could not start the fake OpenAI server", e);
        }
    }

    /** The API root to configure a client with, e.g. {@code http://127.0.0.1:41234/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Default behaviour from now on: echo the request (the initial default). */
    public FakeOpenAi echo() {
        return byDefault(FakeResponse.echo());
    }

    /** Default behaviour from now on: answer every chat request with this text. */
    public FakeOpenAi fixed(String text) {
        return byDefault(FakeResponse.reply(text));
    }

    /** Default behaviour from now on, e.g. a lasting outage; an error default also answers {@code /v1/models}. */
    public FakeOpenAi byDefault(FakeResponse response) {
        script.byDefault(response);
        return this;
    }

    /** Scripts the next chat responses, consumed one per request in order before the default applies. */
    public FakeOpenAi enqueue(FakeResponse... responses) {
        script.enqueue(List.of(responses));
        return this;
    }

    /** Every request with this bearer token gets this response until {@link #clearKey}; the queue is untouched. */
    public FakeOpenAi forKey(String apiKey, FakeResponse response) {
        script.forKey(apiKey, response);
        return this;
    }

    public FakeOpenAi clearKey(String apiKey) {
        script.clearKey(apiKey);
        return this;
    }

    /** Scripted responses not yet consumed. */
    public int pending() {
        return script.pending();
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return handler.recorded();
    }

    /** The chat-completion requests so far, in arrival order. */
    public List<RecordedRequest> chatRequests() {
        return requests().stream().filter(RecordedRequest::isChat).toList();
    }

    /** The most recent request; fails when there was none. */
    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("the fake OpenAI server has received no request");
        }
        return all.get(all.size() - 1);
    }

    /** Forgets recorded requests, the queue and per-key behaviour, and returns to echo. */
    public FakeOpenAi reset() {
        handler.forget();
        script.reset();
        return this;
    }

    /** Stops the server at once; requests waiting in a scripted delay are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
