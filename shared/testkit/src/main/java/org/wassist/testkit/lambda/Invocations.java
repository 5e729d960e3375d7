package org.wassist.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.wassist.testkit.lambda.LambdaRuntimeEmulator.Invocation;
import org.wassist.testkit.lambda.LambdaRuntimeEmulator.Status;

/**
 * The invocations of a {@link LambdaRuntimeEmulator}: events queued by the test, handed to the runtime one per
 * {@code invocation/next} with the headers the runtime interface client needs, and completed by its response or
 * error. Thread-safe.
 */
final class Invocations {
    private static final Duration POLL = Duration.ofMillis(100);

    private record Pending(String requestId, String payload, CompletableFuture<Invocation> result) {}

    private record InFlight(Pending pending, long deliveredNanos) {}

    private final String functionArn;
    private final Duration timeout;
    private final BlockingQueue<Pending> queued = new LinkedBlockingQueue<>();
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

    /** @param timeout the function timeout, which sets each invocation's deadline */
    Invocations(String functionArn, Duration timeout) {
        this.functionArn = functionArn;
        this.timeout = timeout;
    }

    CompletableFuture<Invocation> submit(String event) {
        Pending p = new Pending(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queued.add(p);
        return p.result();
    }

    /** Answers {@code invocation/next} with the next event, waiting for one until {@code closed}. */
    void next(HttpExchange exchange, BooleanSupplier closed) throws IOException {
        Pending p = take(closed);
        if (p == null) {
            return; // closing: the runtime's long poll just ends
        }
        inFlight.put(p.requestId(), new InFlight(p, System.nanoTime()));
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", p.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", RuntimeApiExchanges.traceId());
        byte[] payload = p.payload().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    /**
     * Completes the invocation {@code requestId} with what the runtime posted.
     *
     * @return false when no invocation with that id is in flight
     */
    boolean complete(String requestId, Status status, String body, @Nullable String errorType) {
        InFlight f = inFlight.remove(requestId);
        if (f == null) {
            return false;
        }
        f.pending()
                .result()
                .complete(new Invocation(
                        requestId,
                        status,
                        body,
                        status == Status.ERROR ? errorType : null,
                        f.deliveredNanos(),
                        System.nanoTime()));
        return true;
    }

    private @Nullable Pending take(BooleanSupplier closed) {
        try {
            while (!closed.getAsBoolean()) {
                Pending p = queued.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (p != null) {
                    return p;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
