package org.wassist.router.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue} on 127.0.0.1, as the SDK speaks it: AWS JSON 1.1, {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue} and {@code {"SecretId": ...}}; unknown ids get the service's
 * {@code ResourceNotFoundException}. Counts the values it handed out.
 */
public final class SecretsManagerStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "secretsmanager.GetSecretValue";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> secrets;
    private final AtomicInteger served = new AtomicInteger();

    private SecretsManagerStub(HttpServer server, ExecutorService executor, Map<String, String> secrets) {
        this.server = server;
        this.executor = executor;
        this.secrets = Map.copyOf(secrets);
    }

    /** Serves {@code secrets}: secret string by ARN. */
    public static SecretsManagerStub start(Map<String, String> secrets) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SecretsManagerStub stub = new SecretsManagerStub(server, executor, secrets);
            server.createContext("/", stub::handle);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many secret values it returned. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String id = request == null ? "" : request.path("SecretId").asText();
            String secret = secrets.get(id);
            if (!TARGET.equals(target)) {
                send(exchange, 400, error("UnknownOperationException", "only GetSecretValue is served"));
            } else if (secret == null) {
                send(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the secret."));
            } else {
                served.incrementAndGet();
                send(
                        exchange,
                        200,
                        JSON.createObjectNode()
                                .put("ARN", id)
                                .put("Name", id.substring(id.lastIndexOf(':') + 1))
                                .put("SecretString", secret)
                                .put("VersionId", "00000000-0000-4000-8000-000000000001")
                                .put("CreatedDate", 1.7640648E9)
                                .set("VersionStages", JSON.createArrayNode().add("AWSCURRENT")));
            }
        }
    }

    private static JsonNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
