package org.wassist.standins.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.wassist.standins.Await;

/**
 * Creates the deployment's tables over DynamoDB's JSON protocol (dynalite checks that a request is signed, not the
 * signature). An existing table (a persisted store) is kept.
 */
final class Tables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000";

    private Tables() {}

    static void createIdempotencyTable(URI endpoint) {
        String create = """
                {"TableName":"%s","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""".formatted(Dynalite.IDEMPOTENCY_TABLE);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> created = call(http, endpoint, "CreateTable", create);
            if (created.statusCode() != 200 && !created.body().contains("ResourceInUseException")) {
                throw new IllegalStateException(
                        "dynalite refused CreateTable: HTTP " + created.statusCode() + " " + created.body());
            }
            String describe = "{\"TableName\":\"" + Dynalite.IDEMPOTENCY_TABLE + "\"}";
            boolean active = Await.until(
                    () -> "ACTIVE".equals(status(call(http, endpoint, "DescribeTable", describe))), ACTIVE_TIMEOUT);
            if (!active) {
                throw new IllegalStateException("table " + Dynalite.IDEMPOTENCY_TABLE + " did not become ACTIVE");
            }
        }
    }

    private static String status(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node.path("Table").path("TableStatus").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static HttpResponse<String> call(HttpClient http, URI endpoint, String action, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + action)
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("dynalite at " + endpoint + " did not answer " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling dynalite", e);
        }
    }
}
