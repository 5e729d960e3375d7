package org.wassist.standins.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.NotFoundException;
import software.amazon.awssdk.services.rdsdata.model.RecordsFormatType;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

class DataApiServerIT {
    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:wassist";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";

    private static TestDatabase db;
    private static DataApiServer server;
    private static RdsDataClient client;

    @BeforeAll
    static void start() {
        db = TestDatabases.create();
        server = DataApiServer.start(db.jdbcUrl());
        client = RdsDataClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(Apache5HttpClient.create())
                .build();
        execute("""
                CREATE TABLE item (id bigserial PRIMARY KEY, name text NOT NULL, qty int, price numeric(8,2),
                  meta jsonb, created timestamptz, local timestamp, ok boolean, ratio double precision, data bytea,
                  tags text[])""");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        db.close();
    }

    private static ExecuteStatementResponse execute(String sql, SqlParameter... params) {
        return client.executeStatement(b -> b.resourceArn(CLUSTER)
                .secretArn(SECRET)
                .database("wassist")
                .sql(sql)
                .parameters(params)
                .includeResultMetadata(true));
    }

    private static SqlParameter param(String name, Field value) {
        return SqlParameter.builder().name(name).value(value).build();
    }

    private static SqlParameter hinted(String name, String value, TypeHint hint) {
        return SqlParameter.builder()
                .name(name)
                .value(Field.fromStringValue(value))
                .typeHint(hint)
                .build();
    }

    @Test
    void mapsParametersAndColumnsTheDataApiWay() {
        ExecuteStatementResponse insert = execute(
                "INSERT INTO item (name, qty, price, meta, created, local, ok, ratio, data, tags)"
                        + " VALUES (:name, :qty, :price, :meta, :created, :local, :ok, :ratio, :data, '{a,b}')",
                param("name", Field.fromStringValue("widget ✓")),
                param("qty", Field.fromLongValue(3L)),
                hinted("price", "9.99", TypeHint.DECIMAL),
                hinted("meta", "{\"a\": 1}", TypeHint.JSON),
                hinted("created", "2026-03-01 10:15:30.123456", TypeHint.TIMESTAMP),
                hinted("local", "2026-03-01 10:15:30", TypeHint.TIMESTAMP),
                param("ok", Field.fromBooleanValue(true)),
                param("ratio", Field.fromDoubleValue(0.25)),
                param("data", Field.fromBlobValue(SdkBytes.fromUtf8String("bytes"))));
        assertThat(insert.numberOfRecordsUpdated()).isEqualTo(1L);

        ExecuteStatementResponse r = execute(
                "SELECT name, qty, price, meta, created, local, ok, ratio, data, tags, NULL::text AS nothing"
                        + " FROM item WHERE name = :name",
                param("name", Field.fromStringValue("widget ✓")));
        List<Field> row = r.records().getFirst();
        assertThat(row.get(0).stringValue()).isEqualTo("widget ✓");
        assertThat(row.get(1).longValue()).isEqualTo(3L);
        assertThat(row.get(2).stringValue()).isEqualTo("9.99");
        assertThat(row.get(3).stringValue()).isEqualTo("{\"a\": 1}");
        assertThat(row.get(4).stringValue()).isEqualTo("2026-03-01 10:15:30.123456");
        assertThat(row.get(5).stringValue()).isEqualTo("2026-03-01 10:15:30");
        assertThat(row.get(6).booleanValue()).isTrue();
        assertThat(row.get(7).doubleValue()).isEqualTo(0.25);
        assertThat(row.get(8).blobValue().asUtf8String()).isEqualTo("bytes");
        assertThat(row.get(9).arrayValue().stringValues()).containsExactly("a", "b");
        assertThat(row.get(10).isNull()).isTrue();
        assertThat(r.columnMetadata())
                .extracting(ColumnMetadata::label)
                .containsExactly(
                        "name", "qty", "price", "meta", "created", "local", "ok", "ratio", "data", "tags", "nothing");
        assertThat(r.columnMetadata().get(4).typeName()).isEqualTo("timestamptz");
        assertThat(r.columnMetadata().get(3).typeName()).isEqualTo("jsonb");
        assertThat(r.numberOfRecordsUpdated()).isZero();
    }

    @Test
    void castsAndRepeatedNamesWork() {
        ExecuteStatementResponse r =
                execute("SELECT :v::int + :v::int AS twice, ':v' AS literal", param("v", Field.fromLongValue(21L)));
        assertThat(r.records().getFirst().get(0).longValue()).isEqualTo(42L);
        assertThat(r.records().getFirst().get(1).stringValue()).isEqualTo(":v");
    }

    @Test
    void nullParametersBind() {
        ExecuteStatementResponse r = execute(
                "SELECT :n::text IS NULL AS missing",
                param("n", Field.builder().isNull(true).build()));
        assertThat(r.records().getFirst().getFirst().booleanValue()).isTrue();
    }

    @Test
    void reportsRowsChanged() {
        execute("INSERT INTO item (name) VALUES ('a'), ('a'), ('b')");
        assertThat(execute("UPDATE item SET qty = 1 WHERE name = 'a'").numberOfRecordsUpdated())
                .isEqualTo(2L);
        assertThat(execute("DELETE FROM item WHERE name IN ('a', 'b') RETURNING id")
                        .numberOfRecordsUpdated())
                .isEqualTo(3L);
    }

    @Test
    void formatsRecordsAsJsonOnRequest() {
        String json = client.executeStatement(b -> b.resourceArn(CLUSTER)
                        .secretArn(SECRET)
                        .sql("SELECT 1 AS one, 'x' AS letter, NULL::int AS none")
                        .formatRecordsAs(RecordsFormatType.JSON))
                .formattedRecords();
        assertThat(json).isEqualTo("[{\"one\":1,\"letter\":\"x\",\"none\":null}]");
    }

    @Test
    void commitsAndRollsBackTransactions() {
        String tx1 = client.beginTransaction(b -> b.resourceArn(CLUSTER).secretArn(SECRET))
                .transactionId();
        client.executeStatement(b -> b.resourceArn(CLUSTER)
                .secretArn(SECRET)
                .transactionId(tx1)
                .sql("INSERT INTO item (name) VALUES ('kept')"));
        assertThat(count("kept")).isZero();
        assertThat(client.commitTransaction(
                                b -> b.resourceArn(CLUSTER).secretArn(SECRET).transactionId(tx1))
                        .transactionStatus())
                .isEqualTo("Transaction Committed");
        assertThat(count("kept")).isEqualTo(1L);

        String tx2 = client.beginTransaction(b -> b.resourceArn(CLUSTER).secretArn(SECRET))
                .transactionId();
        client.executeStatement(b -> b.resourceArn(CLUSTER)
                .secretArn(SECRET)
                .transactionId(tx2)
                .sql("INSERT INTO item (name) VALUES ('dropped')"));
        assertThat(client.rollbackTransaction(
                                b -> b.resourceArn(CLUSTER).secretArn(SECRET).transactionId(tx2))
                        .transactionStatus())
                .isEqualTo("Rollback Complete");
        assertThat(count("dropped")).isZero();
        assertThatThrownBy(() -> client.commitTransaction(
                        b -> b.resourceArn(CLUSTER).secretArn(SECRET).transactionId(tx2)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void batchesRunOncePerParameterSet() {
        var response = client.batchExecuteStatement(b -> b.resourceArn(CLUSTER)
                .secretArn(SECRET)
                .sql("INSERT INTO item (name) VALUES (:name)")
                .parameterSets(List.of(
                        List.of(param("name", Field.fromStringValue("batch"))),
                        List.of(param("name", Field.fromStringValue("batch"))))));
        assertThat(response.updateResults()).hasSize(2);
        assertThat(count("batch")).isEqualTo(2L);
    }

    @Test
    void sqlErrorsAreBadRequestsWithTheSqlState() {
        assertThatThrownBy(() -> execute("SELECT * FROM nope"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("relation \"nope\" does not exist")
                .hasMessageContaining("SQLState: 42P01");
        assertThatThrownBy(() -> execute("SELECT :missing"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("No value specified for parameter: missing");
        assertThatThrownBy(() -> execute("SELECT :t", hinted("t", "yesterday", TypeHint.TIMESTAMP)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(
                        () -> client.executeStatement(b -> b.secretArn(SECRET).sql("SELECT 1")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("resourceArn");
    }

    private static long count(String name) {
        return execute("SELECT count(*) FROM item WHERE name = :name", param("name", Field.fromStringValue(name)))
                .records()
                .getFirst()
                .getFirst()
                .longValue();
    }
}
