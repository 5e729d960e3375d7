package org.wassist.bridge.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.config.Secret;

/**
 * The HTTP front: {@code /healthz} and {@code /livez} (200 while the process's threads make progress, also when the
 * session is logged out, so the orchestrator does not restart-loop), {@code /readyz} (200 only when every readiness
 * check passes, else 503 naming each failing one), {@code /qr} and {@code /qr.png} (token-protected), plus extra
 * routes.
 */
public final class HttpFront implements AutoCloseable {
    /** Paths the front owns. */
    public static final Set<String> RESERVED = Set.of("/healthz", "/readyz", "/livez", "/qr", "/qr.png");

    private final int requestedPort;
    private final Readiness readiness;
    private final Supplier<List<String>> liveness;
    private final QrPage qrPage;
    private final Map<String, HttpHandler> routes;
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("http-", 0).factory());
    private @Nullable HttpServer server;

    public HttpFront(
            int port,
            Readiness readiness,
            Supplier<List<String>> liveness,
            Supplier<LoginPrompt> prompt,
            @Nullable Secret qrToken,
            Map<String, HttpHandler> routes) {
        this.requestedPort = port;
        this.readiness = readiness;
        this.liveness = liveness;
        this.qrPage = new QrPage(qrToken, prompt);
        this.routes = new LinkedHashMap<>(routes);
    }

    public synchronized void start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(requestedPort), 64);
            s.createContext("/healthz", exact("/healthz", this::live));
            s.createContext("/livez", exact("/livez", this::live));
            s.createContext("/readyz", exact("/readyz", this::ready));
            s.createContext("/qr", qrPage);
            routes.forEach(s::createContext);
            s.setExecutor(pool);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + requestedPort, e);
        }
    }

    public synchronized int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("not started");
        }
        return s.getAddress().getPort();
    }

    private void live(HttpExchange ex) throws IOException {
        List<String> problems = liveness.get();
        Responses.json(ex, problems.isEmpty() ? 200 : 503, Map.of("alive", problems.isEmpty(), "problems", problems));
    }

    private void ready(HttpExchange ex) throws IOException {
        Readiness.Report r = readiness.evaluate();
        Responses.json(
                ex, r.ready() ? 200 : 503, Map.of("ready", r.ready(), "checks", r.checks(), "failing", r.failing()));
    }

    private static HttpHandler exact(String path, HttpHandler handler) {
        return ex -> {
            try (ex) {
                if (!ex.getRequestURI().getPath().equals(path)) {
                    Responses.text(ex, 404, "not found");
                } else if (!ex.getRequestMethod().equals("GET")
                        && !ex.getRequestMethod().equals("HEAD")) {
                    Responses.text(ex, 405, "method not allowed");
                } else {
                    handler.handle(ex);
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
            server = null;
        }
        pool.shutdownNow();
    }
}
