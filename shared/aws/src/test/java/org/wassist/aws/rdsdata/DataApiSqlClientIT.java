package org.wassist.aws.rdsdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlException;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;
import org.wassist.sql.SqlType;

class DataApiSqlClientIT {
    private static final Instant AT = Instant.parse("2030-05-06T07:08:09.123456Z");
    private static DataApiStandIn dataApi;
    private static SqlClient sql;

    @BeforeAll
    static void start() {
        dataApi = new DataApiStandIn();
        sql = dataApi.sql;
        sql.update("CREATE EXTENSION IF NOT EXISTS vector");
        sql.update("""
                CREATE TABLE sample (id bigserial PRIMARY KEY, t text, i int, l bigint, d double precision, b boolean,
                  n numeric(10,3), ts timestamptz, j jsonb, v vector(3))""");
        sql.update("CREATE TABLE uniq (k text PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        dataApi.close();
    }

    @Test
    void everyTypeRoundTripsAndNullsBind() {
        long id = sql.query(
                        "INSERT INTO sample (t, i, l, d, b, n, ts, j, v) VALUES (:t, :i, :l, :d, :b, :n, :ts, :j,"
                                + " :v::vector) RETURNING id",
                        SqlParams.none()
                                .text("t", "héllo 👋")
                                .integer("i", 7)
                                .bigint("l", 1L << 40)
                                .float8("d", 0.5)
                                .bool("b", true)
                                .numeric("n", new BigDecimal("12.345"))
                                .timestamptz("ts", AT)
                                .jsonb("j", "{\"k\": [1, 2]}")
                                .vector("v", new float[] {1f, 2.5f, -3f}))
                .getFirst()
                .bigint("id");
        SqlRow row = sql.query(
                        "SELECT * FROM sample WHERE id = :id", SqlParams.none().bigint("id", id))
                .getFirst();
        assertThat(row.text("t")).isEqualTo("héllo 👋");
        assertThat(row.integer("i")).isEqualTo(7);
        assertThat(row.bigint("l")).isEqualTo(1L << 40);
        assertThat(row.float8("d")).isEqualTo(0.5);
        assertThat(row.bool("b")).isTrue();
        assertThat(row.numeric("n")).isEqualByComparingTo("12.345");
        assertThat(row.timestamptz("ts")).isEqualTo(AT);
        assertThat(row.jsonb("j")).isEqualTo("{\"k\": [1, 2]}");
        assertThat(row.vector("v")).containsExactly(1f, 2.5f, -3f);

        SqlRow empty = sql.query(
                        "INSERT INTO sample (t, i, l, d, b, n, ts, j, v) VALUES (:t, :i, :l, :d, :b, :n, :ts, :j,"
                                + " :v::vector) RETURNING t, i, l, d, b, n, ts, j, v",
                        SqlParams.none()
                                .text("t", null)
                                .nullOf("i", SqlType.INTEGER)
                                .nullOf("l", SqlType.BIGINT)
                                .nullOf("d", SqlType.DOUBLE)
                                .nullOf("b", SqlType.BOOLEAN)
                                .numeric("n", null)
                                .timestamptz("ts", null)
                                .jsonb("j", null)
                                .vector("v", null))
                .getFirst();
        assertThat(empty.columns()).hasSize(9).allMatch(empty::isNull);
    }

    @Test
    void vectorsRoundTripThroughACast() {
        sql.update("INSERT INTO sample (t, v) VALUES ('near', '[1,0,0]'), ('far', '[0,0,9]')");
        List<SqlRow> rows = sql.query(
                "SELECT t, v, v <-> :q::vector AS distance FROM sample WHERE t IN ('near', 'far')"
                        + " ORDER BY v <-> :q::vector",
                SqlParams.none().vector("q", new float[] {1f, 0.1f, 0f}));
        assertThat(rows).extracting(r -> r.text("t")).containsExactly("near", "far");
        assertThat(rows.getFirst().vector("v")).containsExactly(1f, 0f, 0f);
        assertThat(rows.getFirst().float8("distance")).isBetween(0.09, 0.11);
    }

    @Test
    void aTransactionCommitsAsAWhole() {
        long inserted = sql.inTransaction(tx -> tx.update("INSERT INTO uniq VALUES ('c-1')")
                + tx.inTransaction(inner -> inner.update("INSERT INTO uniq VALUES ('c-2')")));
        assertThat(inserted).isEqualTo(2);
        assertThat(count("c-%")).isEqualTo(2);
    }

    @Test
    void aFailedTransactionRollsBackAsAWhole() {
        assertThatThrownBy(() -> sql.inTransaction(tx -> {
                    tx.update("INSERT INTO uniq VALUES ('r-1')");
                    return tx.update(
                            "INSERT INTO uniq VALUES (:k)", SqlParams.none().text("k", "r-1"));
                }))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("SQLState 23505")
                .hasMessageNotContaining("r-1");
        assertThatThrownBy(() -> sql.inTransaction(tx -> {
                    tx.update("INSERT INTO uniq VALUES ('r-2')");
                    throw new IllegalStateException("work failed");
                }))
                .hasMessage("work failed");
        assertThat(count("r-%")).isZero();
    }

    @Test
    void updateCountsRows() {
        sql.update("INSERT INTO uniq VALUES ('u-1'), ('u-2'), ('u-3')");
        assertThat(sql.update(
                        "DELETE FROM uniq WHERE k LIKE :p", SqlParams.none().text("p", "u-%")))
                .isEqualTo(3);
    }

    @Test
    void timestampsOfTheDataApiFormatParse() {
        SqlRow row = sql.query(
                        "SELECT :at AS at, '2030-01-01 00:00:00+00'::timestamptz AS whole",
                        SqlParams.none().timestamptz("at", AT))
                .getFirst();
        assertThat(row.timestamptz("at")).isEqualTo(AT);
        assertThat(row.timestamptz("whole")).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static long count(String pattern) {
        return sql.query(
                        "SELECT count(*) AS n FROM uniq WHERE k LIKE :p",
                        SqlParams.none().text("p", pattern))
                .getFirst()
                .bigint("n");
    }
}
