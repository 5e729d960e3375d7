package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransactionalityTest {
    @Test
    void ordinaryDdlRunsInATransaction() {
        assertThat(Transactionality.of(
                        MigrationScript.of("V1__a.sql", "CREATE TABLE a (x int); CREATE INDEX i ON a (x);")))
                .isEqualTo(Transactionality.TRANSACTIONAL);
    }

    @Test
    void concurrentIndexBuildsRunOutsideOne() {
        String sql = "-- big table\ncreate index concurrently i on a (x);\nDROP INDEX CONCURRENTLY old_i;";
        assertThat(Transactionality.of(MigrationScript.of("V2__a.sql", sql)))
                .isEqualTo(Transactionality.NON_TRANSACTIONAL);
    }

    @Test
    void mixingBothKindsIsRefused() {
        assertThatThrownBy(() -> Transactionality.of(MigrationScript.of(
                        "V3__a.sql", "CREATE TABLE b (x int); CREATE INDEX CONCURRENTLY j ON b (x);")))
                .hasMessageContaining("mixes statements");
    }
}
