package org.wassist.standins.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database created for one test class or test; {@link #close()} drops it, even with connections still open. */
public final class TestDatabase implements AutoCloseable {
    private final String serverUrl;
    private final String name;

    TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The database's JDBC URL, with the server URL's parameters (user, password). */
    public String jdbcUrl() {
        return JdbcUrls.withDatabase(serverUrl, name);
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
