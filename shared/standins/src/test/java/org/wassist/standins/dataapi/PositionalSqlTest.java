package org.wassist.standins.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionalSqlTest {
    @Test
    void translatesNamesAndKeepsCastsLiteralsAndComments() {
        PositionalSql p = PositionalSql.of(
                "SELECT :a::vector, ':x', E'\\' :x', \"c:x\", $$ :x $$ -- :x\n /* :x /* :x */ */ FROM t WHERE b = :b OR c = :a");
        assertThat(p.names()).containsExactly("a", "b", "a");
        assertThat(p.sql())
                .isEqualTo(
                        "SELECT ?::vector, ':x', E'\\' :x', \"c:x\", $$ :x $$ -- :x\n /* :x /* :x */ */ FROM t WHERE b = ?"
                                + " OR c = ?");
    }

    @Test
    void leavesPositionalDollarParametersAndLoneColonsAlone() {
        PositionalSql p = PositionalSql.of("SELECT $1, arr[1:2], :n");
        assertThat(p.names()).containsExactly("n");
        assertThat(p.sql()).isEqualTo("SELECT $1, arr[1:2], ?");
    }
}
