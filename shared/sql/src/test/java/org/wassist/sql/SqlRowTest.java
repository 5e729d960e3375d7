package org.wassist.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SqlRowTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void readsJdbcStyleValues() {
        SqlRow row = new SqlRow(
                Map.of("t", "text", "l", 42L, "i", 7, "d", 2.5, "b", true, "n", new BigDecimal("9.99"), "ts", AT));
        assertThat(row.text("t")).isEqualTo("text");
        assertThat(row.bigint("l")).isEqualTo(42L);
        assertThat(row.integer("i")).isEqualTo(7);
        assertThat(row.float8("d")).isEqualTo(2.5);
        assertThat(row.bool("b")).isTrue();
        assertThat(row.numeric("n")).isEqualByComparingTo("9.99");
        assertThat(row.timestamptz("ts")).isEqualTo(AT);
    }

    @Test
    void readsDataApiStyleValuesTheSameWay() {
        SqlRow row = new SqlRow(Map.of(
                "l", 42L, "i", 7L, "d", 2.5, "n", "9.99", "ts", "2026-03-01 10:15:30.123456", "v", "[1,2.5,-3]"));
        assertThat(row.integer("i")).isEqualTo(7);
        assertThat(row.numeric("n")).isEqualByComparingTo("9.99");
        assertThat(row.timestamptz("ts")).isEqualTo(AT);
        assertThat(row.vector("v")).containsExactly(1f, 2.5f, -3f);
    }

    @Test
    void nullsAreVisibleAndTypedAccessorsRefuseThem() {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("x", null);
        SqlRow row = new SqlRow(values);
        assertThat(row.isNull("x")).isTrue();
        assertThatThrownBy(() -> row.text("x")).hasMessage("column x is NULL");
        assertThatThrownBy(() -> row.text("nope")).hasMessageContaining("no column nope");
    }

    @Test
    void typeMismatchesSayWhatTheColumnHolds() {
        SqlRow row = new SqlRow(Map.of("n", 1L));
        assertThatThrownBy(() -> row.text("n")).hasMessage("column n holds a Long, not text");
        assertThatThrownBy(() -> row.bool("n")).hasMessage("column n holds a Long, not boolean");
        assertThatThrownBy(() -> new SqlRow(Map.of("n", 1L << 40)).integer("n"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void toStringShowsColumnNamesOnly() {
        assertThat(new SqlRow(Map.of("chat_id", "4915112345678@c.us")).toString())
                .isEqualTo("SqlRow[chat_id]");
    }
}
