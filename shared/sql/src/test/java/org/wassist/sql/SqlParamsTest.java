package org.wassist.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlParamsTest {
    @Test
    void keepsOrderAndTypesAndBindsNullReferencesAsTypedNulls() {
        SqlParams p = SqlParams.none()
                .text("a", "x")
                .text("b", null)
                .bigint("c", 7L)
                .integer("d", 3)
                .float8("e", 1.5)
                .bool("f", true)
                .numeric("g", new BigDecimal("9.99"))
                .timestamptz("h", null)
                .jsonb("i", "{\"k\":1}")
                .vector("j", new float[] {1f, -0.5f})
                .nullOf("k", SqlType.BIGINT);
        assertThat(p.asMap().keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        assertThat(p.get("b")).isEqualTo(new SqlValue.Null(SqlType.TEXT));
        assertThat(p.get("h")).isEqualTo(new SqlValue.Null(SqlType.TIMESTAMPTZ));
        assertThat(p.get("j")).isEqualTo(new SqlValue.Vector("[1.0,-0.5]"));
        assertThat(p.get("k")).isEqualTo(new SqlValue.Null(SqlType.BIGINT));
        assertThat(SqlParams.none().vector("v", null).get("v")).isEqualTo(new SqlValue.Null(SqlType.VECTOR));
    }

    @Test
    void isImmutable() {
        SqlParams base = SqlParams.none().text("a", "x");
        SqlParams more = base.text("b", "y");
        assertThat(base.asMap()).hasSize(1);
        assertThat(more.asMap()).hasSize(2);
        assertThat(SqlParams.none().asMap()).isEmpty();
    }

    @Test
    void toStringNeverShowsValues() {
        String s = SqlParams.none()
                .text("chat", "4915112345678@c.us")
                .timestamptz("at", Instant.EPOCH)
                .toString();
        assertThat(s).isEqualTo("SqlParams[chat:TEXT, at:TIMESTAMPTZ]").doesNotContain("4915112345678");
    }

    @Test
    void rejectsBadNamesDuplicatesAndBadVectors() {
        assertThatThrownBy(() -> SqlParams.none().text("1x", "v")).hasMessageContaining("invalid parameter name");
        assertThatThrownBy(() -> SqlParams.none().text("a", "v").bigint("a", 1)).hasMessageContaining("bound twice");
        assertThatThrownBy(() -> SqlParams.none().vector("v", new float[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> SqlParams.none().vector("v", new float[] {1f, Float.NaN}))
                .hasMessageContaining("component 1 is not finite");
    }
}
