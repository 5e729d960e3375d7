package org.wassist.aws.rdsdata;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.wassist.memory.ConversationStore;
import org.wassist.sql.memory.SqlConversationStore;
import org.wassist.sql.migration.Migrations;
import org.wassist.testkit.memory.ConversationStoreContract;

/**
 * The same SQL conversation store as over JDBC, here over the Data API (real SDK client, Data API stand-in), on a
 * fresh database migrated through the Data API by the deploy-time runner.
 */
class SqlConversationStoreDataApiIT extends ConversationStoreContract {
    private static DataApiStandIn dataApi;
    private static ConversationStore store;

    @BeforeAll
    static void migrate() {
        dataApi = new DataApiStandIn();
        new Migrations(dataApi.sql).migrate();
        store = new SqlConversationStore(dataApi.sql);
    }

    @AfterAll
    static void drop() {
        dataApi.close();
    }

    @Override
    protected ConversationStore store() {
        return store;
    }
}
