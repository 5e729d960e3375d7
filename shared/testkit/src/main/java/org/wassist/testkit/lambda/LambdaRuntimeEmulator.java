package org.wassist.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
    private static final String ACCEPTED = "{\"status\":\"OK\"}";
    private static final Duration POLL = Duration.ofMillis(100);

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

    private record Pending(String requestId, String payload, CompletableFuture<Invocation> result) {}

    private record InFlight(Pending pending, long deliveredNanos) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final String region;
    private final Duration timeout;
    private final BlockingQueue<Pending> queued = new LinkedBlockingQueue<>();
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Queue<Report> reports = new ConcurrentLinkedQueue<>();
    private final AtomicLong firstNext = new AtomicLong();
    private final CountDownLatch initEnded = new CountDownLatch(1);
    private volatile boolean closed;

    private LambdaRuntimeEmulator(HttpServer server, ExecutorService executor, String functionName, Duration timeout) {
        this.server = server;
        this.executor = executor;
        this.region = "us-east-1";
        this.functionArn = "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
        this.timeout = timeout;
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
        Pending p = new Pending(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queued.add(p);
        return p.result();
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
                next(exchange);
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
            InFlight f = inFlight.remove(m.group(1));
            if (f == null) {
                send(exchange, 400, error("InvalidRequestID", "unknown request id"));
                return;
            }
            Status status = m.group(2).equals("response") ? Status.RESPONSE : Status.ERROR;
            f.pending()
                    .result()
                    .complete(new Invocation(
                            m.group(1),
                            status,
                            body,
                            status == Status.ERROR ? errorType : null,
                            f.deliveredNanos(),
                            System.nanoTime()));
            send(exchange, 202, ACCEPTED);
        } else if (path.equals(INIT_ERROR) || path.equals(RESTORE_ERROR)) {
            reports.add(new Report(path, errorType, body, System.nanoTime()));
            initEnded.countDown();
            send(exchange, 202, ACCEPTED);
        } else {
            send(exchange, 404, error("InvalidRequest", "no such route: POST " + path));
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstNext.compareAndSet(0, System.nanoTime());
        initEnded.countDown();
        Pending p = take();
        if (p == null) {
            return; // closing: the runtime's long poll just ends
        }
        inFlight.put(p.requestId(), new InFlight(p, System.nanoTime()));
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", p.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId());
        byte[] payload = p.payload().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    private @Nullable Pending take() {
        try {
            while (!closed) {
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

    private static String traceId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24) + ";Parent="
                + hex.substring(16) + ";Sampled=0";
    }

    private static String error(String type, String message) {
        return "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
