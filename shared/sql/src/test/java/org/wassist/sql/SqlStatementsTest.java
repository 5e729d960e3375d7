package org.wassist.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void splitsAtTopLevelSemicolonsAndDropsTheTerminator() {
        assertThat(SqlStatements.split("CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);  "))
                .containsExactly("CREATE TABLE a (x int)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void keepsSemicolonsInsideLiteralsBodiesAndComments() {
        String script = """
                -- header; comment
                INSERT INTO a VALUES ('x;y');
                CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
                /* block; comment */
                SELECT 1 /* ; */""";
        assertThat(SqlStatements.split(script))
                .containsExactly(
                        "-- header; comment\nINSERT INTO a VALUES ('x;y')",
                        "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql",
                        "/* block; comment */\nSELECT 1 /* ; */");
    }

    @Test
    void dropsPiecesThatHoldOnlyCommentsOrWhitespace() {
        assertThat(SqlStatements.split("SELECT 1;\n-- trailing note\n;  ;\n/* end */"))
                .containsExactly("SELECT 1");
        assertThat(SqlStatements.split("")).isEmpty();
    }
}
