package org.wassist.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.pipeline.Failure;
import org.wassist.sql.SqlException;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;
import org.wassist.sql.SqlType;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;

class JdbcSqlClientIT {
    private static final Instant AT = Instant.parse("2030-05-06T07:08:09.123456Z");
    private static TestDatabase db;
    private static JdbcSqlClient sql;

    @BeforeAll
    static void start() {
        db = TestDatabases.create();
        sql = JdbcSqlClient.connect(JdbcSettings.of(db.jdbcUrl()));
        sql.update("CREATE EXTENSION IF NOT EXISTS vector");
        sql.update("""
                CREATE TABLE sample (id bigserial PRIMARY KEY, t text, i int, l bigint, d double precision, b boolean,
                  n numeric(10,3), ts timestamptz, j jsonb, v vector(3))""");
        sql.update("CREATE TABLE uniq (k text PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        sql.close();
        db.close();
    }

    @Test
    void everyTypeRoundTripsAndNullsBindAsTypedNulls() {
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

        SqlParams nulls = SqlParams.none()
                .text("t", null)
                .nullOf("i", SqlType.INTEGER)
                .nullOf("l", SqlType.BIGINT)
                .nullOf("d", SqlType.DOUBLE)
                .nullOf("b", SqlType.BOOLEAN)
                .numeric("n", null)
                .timestamptz("ts", null)
                .jsonb("j", null)
                .vector("v", null);
        SqlRow empty = sql.query(
                        "INSERT INTO sample (t, i, l, d, b, n, ts, j, v) VALUES (:t, :i, :l, :d, :b, :n, :ts, :j,"
                                + " :v::vector) RETURNING t, i, l, d, b, n, ts, j, v",
                        nulls)
                .getFirst();
        assertThat(empty.columns()).allMatch(empty::isNull);
    }

    @Test
    void vectorsWorkInDistanceQueries() {
        sql.update("INSERT INTO sample (t, v) VALUES ('near', '[1,0,0]'), ('far', '[0,0,9]')");
        List<SqlRow> rows = sql.query(
                "SELECT t, v <-> :q::vector AS distance FROM sample WHERE v IS NOT NULL AND t IN ('near', 'far')"
                        + " ORDER BY v <-> :q::vector LIMIT 1",
                SqlParams.none().vector("q", new float[] {1f, 0.1f, 0f}));
        assertThat(rows.getFirst().text("t")).isEqualTo("near");
        assertThat(rows.getFirst().float8("distance")).isBetween(0.09, 0.11);
    }

    @Test
    void transactionsCommitOrRollBackAsAWhole() {
        sql.inTransaction(tx -> {
            tx.update("INSERT INTO uniq VALUES ('tx-a')");
            return tx.inTransaction(inner -> inner.update("INSERT INTO uniq VALUES ('tx-b')"));
        });
        assertThat(count("tx-%")).isEqualTo(2);
        assertThatThrownBy(() -> sql.inTransaction(tx -> {
                    tx.update("INSERT INTO uniq VALUES ('tx-c')");
                    throw new IllegalStateException("work failed");
                }))
                .hasMessage("work failed");
        assertThatThrownBy(() -> sql.inTransaction(tx -> {
                    tx.update("INSERT INTO uniq VALUES ('tx-d')");
                    return tx.update("INSERT INTO uniq VALUES ('tx-a')");
                }))
                .isInstanceOf(SqlException.class);
        assertThat(count("tx-%")).isEqualTo(2);
    }

    @Test
    void updateCountsRows() {
        sql.update("INSERT INTO uniq VALUES ('cnt-1'), ('cnt-2'), ('cnt-3')");
        assertThat(sql.update(
                        "DELETE FROM uniq WHERE k LIKE :p", SqlParams.none().text("p", "cnt-%")))
                .isEqualTo(3);
    }

    @Test
    void errorsCarryTheSqlStateButNeverAValue() {
        sql.update("INSERT INTO uniq VALUES (:k)", SqlParams.none().text("k", "4915112345678@c.us"));
        assertThatThrownBy(() -> sql.update(
                        "INSERT INTO uniq VALUES (:k)", SqlParams.none().text("k", "4915112345678@c.us")))
                .isInstanceOfSatisfying(
                        SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"))
                .hasMessageContaining("constraint=uniq_pkey")
                .hasMessageContaining("INSERT INTO uniq VALUES (:k)")
                .hasMessageNotContaining("4915112345678")
                .hasNoCause();
        assertThatThrownBy(() -> sql.query("SELECT :n::int", SqlParams.none().text("n", "secret-ish")))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("22P02")
                .hasMessageNotContaining("secret-ish");
    }

    @Test
    void retryableFailuresAreTransient() {
        assertThatThrownBy(() -> sql.inTransaction(tx -> {
                    tx.update("SET LOCAL statement_timeout = '50ms'");
                    return tx.query("SELECT pg_sleep(5)");
                }))
                .isInstanceOf(Failure.Transient.class)
                .hasMessageContaining("57014");
        assertThatThrownBy(() -> sql.query("SELECT pg_terminate_backend(pg_backend_pid())"))
                .isInstanceOf(Failure.Transient.class);
        assertThat(sql.query("SELECT 1 AS one").getFirst().integer("one")).isEqualTo(1);
    }

    @Test
    void aMissingParameterIsAClearError() {
        assertThatThrownBy(() -> sql.query("SELECT :absent")).hasMessageContaining("no value for parameter :absent");
    }

    private static long count(String pattern) {
        return sql.query(
                        "SELECT count(*) AS n FROM uniq WHERE k LIKE :p",
                        SqlParams.none().text("p", pattern))
                .getFirst()
                .bigint("n");
    }
}
