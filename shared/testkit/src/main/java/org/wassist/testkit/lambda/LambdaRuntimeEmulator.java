package org.wassist.testkit.lambda;

import static org.wassist.testkit.lambda.RuntimeApiExchanges.ACCEPTED;
import static org.wassist.testkit.lambda.RuntimeApiExchanges.error;
import static org.wassist.testkit.lambda.RuntimeApiExchanges.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) on 127.0.0.1, as much of it
 * as the runtime interface client (RIC) uses: {@code GET invocation/next} hands out queued events with the request id,
 * deadline, function ARN and trace id headers and {@code Content-Type: application/json} (without it the RIC's native
 * client crashes the JVM); {@code POST invocation/{id}/response} and {@code /error} complete them; {@code POST
 * init/error}, {@code GET restore/next} and {@code POST restore/error} are recorded (the SnapStart phases).
 *
 * <p>It records when the runtime first asks for work: that is the end of the function's INIT phase. Times are {@link
 * System#nanoTime()}, which on Linux is one monotonic clock for every process. Thread-safe.
 */
public final class LambdaRuntimeEmulator implements AutoCloseable {
    public static final String BASE = "/2018-06-01/runtime";
    static final String NEXT = BASE + "/invocation/next";
    static final String INIT_ERROR = BASE + "/init/error";
    static final String RESTORE_NEXT = BASE + "/restore/next";
    static final String RESTORE_ERROR = BASE + "/restore/error";
    private static final Pattern RESULT = Pattern.compile(Pattern.quote(BASE) + "/invocation/([^/]+)/(response|error)");

    /** How an invocation ended. */
    public enum Status {
        RESPONSE,
        ERROR
    }

    /**
     * One finished invocation.
     *
     * @param body the function's response, or the error document the runtime reported
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} of an error, else null
     * @param deliveredNanos when the runtime received the event
     * @param completedNanos when the runtime posted the result
     */
    public record Invocation(
            String requestId,
            Status status,
            String body,
            @Nullable String errorType,
            long deliveredNanos,
            long completedNanos) {
        public Duration duration() {
            return Duration.ofNanos(completedNanos - deliveredNanos);
        }
    }

    /** An error the runtime reported outside an invocation (init or restore), or a restore it asked for. */
    public record Report(String path, @Nullable String errorType, String body, long atNanos) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String region;
    private final Invocations invocations;
    private final Queue<Report> reports = new ConcurrentLinkedQueue<>();
    private final AtomicLong firstNext = new AtomicLong();
    private final CountDownLatch initEnded = new CountDownLatch(1);
    private volatile boolean closed;

    private LambdaRuntimeEmulator(HttpServer server, ExecutorService executor, String functionName, Duration timeout) {
        this.server = server;
        this.executor = executor;
        this.region = "us-east-1";
        this.invocations =
                new Invocations("arn:aws:lambda:" + region + ":000000000000:function:" + functionName, timeout);
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @param functionName the name in the invoked function ARN
     * @param timeout the function timeout, which sets each invocation's deadline
     */
    public static LambdaRuntimeEmulator start(String functionName, Duration timeout) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LambdaRuntimeEmulator emulator = new LambdaRuntimeEmulator(server, executor, functionName, timeout);
            server.createContext(BASE + "/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot start the Lambda Runtime API emulator", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String region() {
        return region;
    }

    /** Queues an event for the runtime; the future completes when the runtime posts its response or error. */
    public CompletableFuture<Invocation> submit(String event) {
        return invocations.submit(event);
    }

    /**
     * Waits up to {@code wait} for the runtime to ask for its first invocation, which ends INIT.
     *
     * @return true when it has asked; false when it has not yet
     * @throws IllegalStateException when the runtime reported an init error instead
     */
    public boolean awaitInitEnd(Duration wait) throws InterruptedException {
        boolean ended = initEnded.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (ended && firstNext.get() == 0) {
            throw new IllegalStateException("the function failed to initialise: " + reports);
        }
        return ended;
    }

    /** When the runtime first asked for an invocation ({@link System#nanoTime()}), or 0 if it has not. */
    public long firstNextNanos() {
        return firstNext.get();
    }

    /** Init errors, restore requests and restore errors, in order. */
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    /** Stops serving; a runtime still waiting for work gets its connection closed. */
    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(NEXT)) {
                firstNext.compareAndSet(0, System.nanoTime());
                initEnded.countDown();
                invocations.next(exchange, () -> closed);
            } else if (method.equals("GET") && path.equals(RESTORE_NEXT)) {
                reports.add(new Report(path, null, "", System.nanoTime()));
                send(exchange, 200, "");
            } else if (method.equals("POST")) {
                post(exchange, path);
            } else {
                send(exchange, 404, error("InvalidRequest", "no such route: " + method + " " + path));
            }
        }
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        Matcher m = RESULT.matcher(path);
        if (m.matches()) {
            Status status = m.group(2).equals("response") ? Status.RESPONSE : Status.ERROR;
            if (invocations.complete(m.group(1), status, body, errorType)) {
                send(exchange, 202, ACCEPTED);
            } else {
                send(exchange, 400, error("InvalidRequestID", "unknown request id"));
            }
        } else if (path.equals(INIT_ERROR) || path.equals(RESTORE_ERROR)) {
            reports.add(new Report(path, errorType, body, System.nanoTime()));
            initEnded.countDown();
            send(exchange, 202, ACCEPTED);
        } else {
            send(exchange, 404, error("InvalidRequest", "no such route: POST " + path));
        }
    }
}
