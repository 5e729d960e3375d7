package org.wassist.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedSqlTest {
    @Test
    void replacesNamesWithPlaceholdersInOrder() {
        NamedSql p = NamedSql.parse("SELECT * FROM t WHERE a = :a AND b = :b_2 OR a = :a");
        assertThat(p.positional()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?");
        assertThat(p.names()).containsExactly("a", "b_2", "a");
    }

    @Test
    void leavesCastsAlone() {
        NamedSql p = NamedSql.parse("SELECT :q::vector, x::text, :n::int FROM t");
        assertThat(p.positional()).isEqualTo("SELECT ?::vector, x::text, ?::int FROM t");
        assertThat(p.names()).containsExactly("q", "n");
    }

    @Test
    void skipsLiteralsIdentifiersAndComments() {
        String sql = """
                SELECT ':no', 'it''s :no', E'\\' :no', "col:no", $$ :no $$, $tag$ :no $tag$ -- :no
                /* :no /* nested :no */ still :no */ FROM t WHERE x = :yes""";
        NamedSql p = NamedSql.parse(sql);
        assertThat(p.names()).containsExactly("yes");
        assertThat(p.positional())
                .endsWith("WHERE x = ?")
                .contains("'it''s :no'")
                .contains("$tag$ :no $tag$");
    }

    @Test
    void positionalDollarParametersAreNotDollarQuotes() {
        NamedSql p = NamedSql.parse("SELECT $1, :a, $2");
        assertThat(p.names()).containsExactly("a");
        assertThat(p.positional()).isEqualTo("SELECT $1, ?, $2");
    }

    @Test
    void aLoneColonOrColonDigitIsText() {
        NamedSql p = NamedSql.parse("SELECT arr[1:2], ':' || :x");
        assertThat(p.names()).containsExactly("x");
        assertThat(p.positional()).isEqualTo("SELECT arr[1:2], ':' || ?");
    }

    @Test
    void plainStringsWithEBeforeAQuoteInsideAWordAreNotEscapeStrings() {
        NamedSql p = NamedSql.parse("SELECT name' :x");
        assertThat(p.names()).isEmpty();
    }
}
