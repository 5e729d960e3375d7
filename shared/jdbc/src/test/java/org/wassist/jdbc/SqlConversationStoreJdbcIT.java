package org.wassist.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.wassist.memory.ConversationStore;
import org.wassist.sql.memory.SqlConversationStore;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;
import org.wassist.testkit.memory.ConversationStoreContract;

/** The SQL conversation store over JDBC, on a fresh database migrated by real Flyway. */
class SqlConversationStoreJdbcIT extends ConversationStoreContract {
    private static TestDatabase db;
    private static JdbcSqlClient sql;
    private static ConversationStore store;

    @BeforeAll
    static void migrate() {
        db = TestDatabases.create();
        sql = JdbcSqlClient.connect(JdbcSettings.of(db.jdbcUrl()));
        FlywayMigrations.migrate(sql.dataSource());
        store = new SqlConversationStore(sql);
    }

    @AfterAll
    static void drop() {
        sql.close();
        db.close();
    }

    @Override
    protected ConversationStore store() {
        return store;
    }
}
