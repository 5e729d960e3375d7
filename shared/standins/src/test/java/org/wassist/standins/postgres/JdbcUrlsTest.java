package org.wassist.standins.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void swapsTheDatabaseAndKeepsTheParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t1?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:6543/", "t1")).isEqualTo("jdbc:postgresql://db:6543/t1");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://x/y", "t")).hasMessageContaining("not a");
    }

    @Test
    void safeFormDropsTheQueryThatMayHoldAPassword() {
        assertThat(JdbcUrls.safe("jdbc:postgresql://h:1/d?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://h:1/d");
    }
}
