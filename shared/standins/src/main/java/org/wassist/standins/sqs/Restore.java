package org.wassist.standins.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wassist.standins.Await;

/**
 * ElasticMQ restores persisted messages asynchronously after its server is up. This counts the stored messages before
 * the start and then waits until the server holds as many, so that a restarted stand-in is ready only when every
 * message accepted before the restart is back.
 */
final class Restore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> COUNTS = List.of(
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed");

    private Restore() {}

    /** The number of messages in the H2 store at {@code jdbcUri}; 0 when there is no store yet. */
    static long storedMessages(Path dir, String jdbcUri) {
        if (!Files.exists(dir.resolve(ElasticMq.STORE_NAME + ".mv.db"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection(jdbcUri);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_name LIKE 'MESSAGE%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            long total = 0;
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "") + "\"")) {
                    total += rs.next() ? rs.getLong(1) : 0;
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ElasticMQ store in " + dir, e);
        }
    }

    /** Waits until the queues at {@code queueUrls} hold at least {@code expected} messages in all. */
    static void awaitRestored(List<String> queueUrls, long expected) {
        if (expected == 0) {
            return;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            boolean restored = Await.until(() -> held(http, queueUrls) >= expected, TIMEOUT);
            if (!restored) {
                throw new IllegalStateException("ElasticMQ did not restore " + expected + " stored messages in time");
            }
        }
    }

    private static long held(HttpClient http, List<String> queueUrls) {
        long total = 0;
        for (String url : queueUrls) {
            JsonNode attributes = attributes(http, url).path("Attributes");
            for (String name : COUNTS) {
                total += attributes.path(name).asLong(0);
            }
        }
        return total;
    }

    private static JsonNode attributes(HttpClient http, String queueUrl) {
        String body = JSON.createObjectNode()
                .put("QueueUrl", queueUrl)
                .set("AttributeNames", JSON.createArrayNode().add("All"))
                .toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(queueUrl))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.GetQueueAttributes")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }
}
