package org.wassist.aws.rdsdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.wassist.sql.SqlException;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlType;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

class DataApiSqlClientTest {
    private static final DataApiSettings SETTINGS = new DataApiSettings(
            "arn:aws:rds:us-east-1:1:cluster:c", "arn:aws:secretsmanager:us-east-1:1:secret:s", "wassist");

    private final RecordingRdsData rds = new RecordingRdsData();
    private final List<Duration> waits = new ArrayList<>();
    private final DataApiSqlClient sql = new DataApiSqlClient(rds, SETTINGS, new ResumeRetry(waits::add));

    @Test
    void sendsNamedParametersWithTypeHintsAndTheSettings() {
        sql.update(
                "INSERT INTO t VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i::vector, :j)",
                SqlParams.none()
                        .text("a", "x")
                        .bigint("b", 5L)
                        .integer("c", 6)
                        .float8("d", 0.5)
                        .bool("e", true)
                        .numeric("f", new BigDecimal("1.50"))
                        .timestamptz("g", Instant.parse("2030-01-02T03:04:05.678901Z"))
                        .jsonb("h", "{}")
                        .vector("i", new float[] {1f, 2f})
                        .nullOf("j", SqlType.BIGINT));
        ExecuteStatementRequest r = (ExecuteStatementRequest) rds.requests.getFirst();
        assertThat(r.resourceArn()).isEqualTo(SETTINGS.clusterArn());
        assertThat(r.secretArn()).isEqualTo(SETTINGS.secretArn());
        assertThat(r.database()).isEqualTo("wassist");
        assertThat(r.includeResultMetadata()).isTrue();
        assertThat(r.transactionId()).isNull();
        assertThat(r.parameters())
                .containsExactly(
                        param("a", Field.fromStringValue("x"), null),
                        param("b", Field.fromLongValue(5L), null),
                        param("c", Field.fromLongValue(6L), null),
                        param("d", Field.fromDoubleValue(0.5), null),
                        param("e", Field.fromBooleanValue(true), null),
                        param("f", Field.fromStringValue("1.50"), TypeHint.DECIMAL),
                        param("g", Field.fromStringValue("2030-01-02 03:04:05.678901"), TypeHint.TIMESTAMP),
                        param("h", Field.fromStringValue("{}"), TypeHint.JSON),
                        param("i", Field.fromStringValue("[1.0,2.0]"), null),
                        param("j", Field.fromIsNull(true), null));
    }

    @Test
    void aTransactionCarriesItsIdAndCommits() {
        long changed = sql.inTransaction(tx -> tx.update("DELETE FROM t") + tx.update("DELETE FROM u"));
        assertThat(changed).isEqualTo(2);
        assertThat(rds.requests).hasSize(4);
        assertThat(rds.requests.getFirst()).isInstanceOf(BeginTransactionRequest.class);
        assertThat(((ExecuteStatementRequest) rds.requests.get(1)).transactionId())
                .isEqualTo("tx-1");
        assertThat(((ExecuteStatementRequest) rds.requests.get(2)).transactionId())
                .isEqualTo("tx-1");
        assertThat(((CommitTransactionRequest) rds.requests.get(3)).transactionId())
                .isEqualTo("tx-1");
    }

    @Test
    void failedWorkIsRolledBack() {
        rds.failBegin.add(RecordingRdsData.resuming());
        rds.failExecute.add(BadRequestException.builder()
                .message("ERROR: bad input \"v1\"; SQLState: 42601")
                .build());
        assertThatThrownBy(() -> sql.inTransaction(
                        tx -> tx.update("BROKEN :x", SqlParams.none().text("x", "v1"))))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("42601")
                .hasMessageNotContaining("v1");
        assertThat(waits).containsExactly(Duration.ofMillis(500));
        assertThat(rds.requests.getLast())
                .isInstanceOfSatisfying(
                        RollbackTransactionRequest.class,
                        r -> assertThat(r.transactionId()).isEqualTo("tx-1"));
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        sql.inTransaction(tx -> tx.inTransaction(inner -> inner.update("DELETE FROM t")));
        assertThat(rds.requests).hasSize(3);
        assertThat(rds.requests.stream().filter(BeginTransactionRequest.class::isInstance))
                .hasSize(1);
    }

    private static SqlParameter param(String name, Field value, @Nullable TypeHint hint) {
        return SqlParameter.builder().name(name).value(value).typeHint(hint).build();
    }
}
