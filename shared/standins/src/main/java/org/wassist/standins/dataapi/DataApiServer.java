package org.wassist.standins.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Data-API-compatible endpoint on 127.0.0.1 (a free port) in front of a PostgreSQL database reached over JDBC. It
 * serves the restJson1 routes the SDK's {@code RdsDataClient} calls: {@code /Execute}, {@code /BatchExecute},
 * {@code /BeginTransaction}, {@code /CommitTransaction}, {@code /RollbackTransaction}. Any ARNs and credentials are
 * accepted; every request uses the database of the JDBC URL. SQL errors come back as {@code BadRequestException}
 * with PostgreSQL's message and SQLState, as on AWS.
 */
public final class DataApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataApiServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Connections connections;
    private final AtomicInteger served = new AtomicInteger();

    private DataApiServer(HttpServer server, ExecutorService executor, Connections connections) {
        this.server = server;
        this.executor = executor;
        this.connections = connections;
    }

    /**
     * Starts serving the database of {@code jdbcUrl}.
     *
     * @param jdbcUrl the database to serve, with credentials in the URL (e.g. {@code ?user=postgres})
     */
    public static DataApiServer start(String jdbcUrl) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Data API stand-in on 127.0.0.1", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DataApiServer api = new DataApiServer(server, executor, new Connections(jdbcUrl));
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Data API stand-in listening on port {}", api.port());
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** For the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
        connections.close();
    }

    /** How many requests this server has received, for tests that prove a phase made none. */
    public int served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        served.incrementAndGet();
        try (exchange) {
            int status = 200;
            JsonNode body;
            try {
                body = route(exchange.getRequestURI().getPath(), read(exchange.getRequestBody()));
            } catch (DataApiException e) {
                status = e.status();
                exchange.getResponseHeaders().add("x-amzn-ErrorType", e.errorType());
                body = MAPPER.createObjectNode().put("message", e.getMessage());
            } catch (SQLException e) {
                status = 400;
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "BadRequestException");
                body = MAPPER.createObjectNode().put("message", e.getMessage() + "; SQLState: " + e.getSQLState());
            } catch (RuntimeException e) {
                LOG.warn(
                        "Data API stand-in failed on {}",
                        exchange.getRequestURI().getPath(),
                        e);
                status = 500;
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalServerErrorException");
                body = MAPPER.createObjectNode().put("message", e.getClass().getSimpleName());
            }
            byte[] bytes = MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode read(InputStream in) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(in.readAllBytes());
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DataApiException.badRequest("Request body is not valid JSON");
        }
    }

    private JsonNode route(String path, JsonNode request) throws SQLException {
        return switch (path) {
            case "/Execute" -> onConnection(required(request, "sql"), c -> Statements.execute(c, request));
            case "/BatchExecute" -> onConnection(required(request, "sql"), c -> Statements.batch(c, request));
            case "/BeginTransaction" -> begin(request);
            case "/CommitTransaction" -> end(request, true);
            case "/RollbackTransaction" -> end(request, false);
            default -> throw DataApiException.notFound("Unknown operation " + path);
        };
    }

    private ObjectNode begin(JsonNode request) throws SQLException {
        requireArns(request);
        return MAPPER.createObjectNode().put("transactionId", connections.begin());
    }

    private ObjectNode end(JsonNode request, boolean commit) throws SQLException {
        requireArns(request);
        connections.end(request.path("transactionId").asText(""), commit);
        return MAPPER.createObjectNode()
                .put("transactionStatus", commit ? "Transaction Committed" : "Rollback Complete");
    }

    private JsonNode required(JsonNode request, String field) {
        requireArns(request);
        if (!request.path(field).isTextual() || request.path(field).asText().isBlank()) {
            throw DataApiException.badRequest("Parameter " + field + " is required");
        }
        return request;
    }

    private static void requireArns(JsonNode request) {
        for (String field : new String[] {"resourceArn", "secretArn"}) {
            if (!request.path(field).isTextual() || request.path(field).asText().isBlank()) {
                throw DataApiException.badRequest("Parameter " + field + " is required");
            }
        }
    }

    private ObjectNode onConnection(JsonNode request, SqlWork work) throws SQLException {
        @Nullable
        String txId = request.hasNonNull("transactionId")
                ? request.get("transactionId").asText()
                : null;
        if (txId != null) {
            Connection c = connections.transaction(txId);
            synchronized (c) {
                return work.run(c);
            }
        }
        Connection c = connections.borrow();
        try {
            return work.run(c);
        } finally {
            connections.release(c);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        ObjectNode run(Connection c) throws SQLException;
    }
}
