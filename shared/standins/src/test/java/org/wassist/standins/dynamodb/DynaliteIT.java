package org.wassist.standins.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.standins.LoopbackPorts;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DynaliteIT {
    @TempDir
    Path dir;

    @Test
    void createsTheIdempotencyTableOnAFreePortOtherThanDynalitesDefault() {
        try (Dynalite dynalite = Dynalite.inMemory();
                DynamoDbClient ddb = client(dynalite.endpoint())) {
            assertThat(dynalite.endpoint().getPort()).isNotEqualTo(4567);
            TableDescription table = ddb.describeTable(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE))
                    .table();
            assertThat(table.keySchema()).singleElement().satisfies(k -> {
                assertThat(k.attributeName()).isEqualTo("pk");
                assertThat(k.keyType()).isEqualTo(KeyType.HASH);
            });
            assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        }
    }

    @Test
    void inMemoryStoresAreIndependent() {
        try (Dynalite a = Dynalite.inMemory();
                Dynalite b = Dynalite.inMemory();
                DynamoDbClient da = client(a.endpoint());
                DynamoDbClient db = client(b.endpoint())) {
            put(da, "only-in-a");
            assertThat(get(db, "only-in-a")).isEmpty();
            assertThat(get(da, "only-in-a")).containsKey("pk");
        }
    }

    @Test
    void levelDbStoreSurvivesAKilledProcess() {
        int port = LoopbackPorts.free();
        Dynalite first = Dynalite.start(dir, port);
        try (DynamoDbClient ddb = client(first.endpoint())) {
            put(ddb, "kept");
        } finally {
            first.close();
        }
        assertThat(first.isRunning()).isFalse();
        try (Dynalite second = Dynalite.start(dir, 0);
                DynamoDbClient ddb = client(second.endpoint())) {
            assertThat(get(ddb, "kept")).containsEntry("status", AttributeValue.fromS("DONE"));
        }
    }

    @Test
    void closeEndsTheChildProcess() {
        Dynalite dynalite = Dynalite.inMemory();
        dynalite.close();
        assertThat(dynalite.isRunning()).isFalse();
        assertThat(LoopbackPorts.accepts(dynalite.endpoint().getPort())).isFalse();
    }

    private static void put(DynamoDbClient ddb, String pk) {
        ddb.putItem(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)
                .item(Map.of("pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS("DONE"))));
    }

    private static Map<String, AttributeValue> get(DynamoDbClient ddb, String pk) {
        return ddb.getItem(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)
                        .key(Map.of("pk", AttributeValue.fromS(pk)))
                        .consistentRead(true))
                .item();
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(Apache5HttpClient.create())
                .build();
    }
}
