package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.wassist.message.MessageCodec;
import org.wassist.standins.Await;

/**
 * The imitation of WhatsApp's side for the real-Chromium tests: serves the imitation page (fake-wa/*), queues commands
 * the page polls for (link, receive a message, fail the next send …) and records the calls the page reports.
 */
final class FakeWhatsApp implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final List<JsonNode> commands = new ArrayList<>();
    private final List<JsonNode> calls = new ArrayList<>();

    FakeWhatsApp() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/wa/", this::page);
        server.createContext("/fake/commands", this::commands);
        server.createContext("/fake/calls", this::call);
        server.start();
    }

    /** The page's URL; {@code query} like {@code "missing=WAWebChatStateBridge"} or empty. */
    URI url(String query) {
        return URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/wa/" + (query.isEmpty() ? "" : "?" + query));
    }

    /** Queues a command for the page: {@code op} plus fields. */
    void command(String op, Map<String, ?> fields) {
        ObjectNode c = MessageCodec.mapper().valueToTree(fields);
        c.put("op", op);
        synchronized (this) {
            commands.add(c);
        }
    }

    void command(String op) {
        command(op, Map.of());
    }

    synchronized List<JsonNode> calls() {
        return List.copyOf(calls);
    }

    /** The recorded calls of one function. */
    synchronized List<JsonNode> calls(String fn) {
        return calls.stream().filter(c -> c.path("fn").asText().equals(fn)).toList();
    }

    /** Waits until at least {@code n} calls of {@code fn} were recorded; returns them. */
    List<JsonNode> awaitCalls(String fn, int n) {
        if (!Await.until(() -> calls(fn).size() >= n, WAIT)) {
            throw new AssertionError("expected " + n + " call(s) of " + fn + " but saw "
                    + calls(fn).size() + "; all calls: " + calls());
        }
        return calls(fn);
    }

    boolean saw(Predicate<JsonNode> p) {
        return calls().stream().anyMatch(p);
    }

    private void page(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String name = path.endsWith(".js") ? "fake-wa.js" : "index.html";
        if (name.equals("index.html")) {
            // Recorded like a page call, so a test can tell the imitation's own main document from a pinned one.
            ObjectNode served = MessageCodec.mapper().createObjectNode();
            served.put("fn", "document-served")
                    .put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
            synchronized (this) {
                calls.add(served);
            }
        }
        try (InputStream in = FakeWhatsApp.class.getResourceAsStream("/fake-wa/" + name)) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            ex.getResponseHeaders().set("Content-Type", name.endsWith(".js") ? "text/javascript" : "text/html");
            respond(ex, in == null ? 404 : 200, body);
        }
    }

    private void commands(HttpExchange ex) throws IOException {
        List<JsonNode> out;
        synchronized (this) {
            out = List.copyOf(commands);
            commands.clear();
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        respond(ex, 200, MessageCodec.mapper().writeValueAsBytes(out));
    }

    private void call(HttpExchange ex) throws IOException {
        JsonNode c = MessageCodec.mapper().readTree(ex.getRequestBody());
        synchronized (this) {
            calls.add(c);
        }
        respond(ex, 204, new byte[0]);
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        try (ex) {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
