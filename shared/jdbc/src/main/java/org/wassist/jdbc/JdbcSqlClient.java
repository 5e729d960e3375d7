package org.wassist.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.wassist.config.Secret;
import org.wassist.sql.SqlClient;
import org.wassist.sql.SqlParams;
import org.wassist.sql.SqlRow;
import org.wassist.sql.SqlWork;

/**
 * The SQL port over JDBC. Statements outside a transaction borrow a pooled connection each; a transaction keeps one
 * connection for its whole work. pgjdbc is told not to put server error details (which quote values) into
 * exceptions.
 */
public final class JdbcSqlClient implements SqlClient, AutoCloseable {
    private static final long CONNECTION_TIMEOUT_MS = 10_000;

    private final DataSource dataSource;
    private final @Nullable HikariDataSource owned;

    /** Over a data source the caller owns and closes. */
    public JdbcSqlClient(DataSource dataSource) {
        this(dataSource, null);
    }

    private JdbcSqlClient(DataSource dataSource, @Nullable HikariDataSource owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /** A pooled client that owns its pool; {@link #close()} closes it. */
    public static JdbcSqlClient connect(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        Secret password = settings.password();
        if (password != null) {
            config.setPassword(password.reveal());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setPoolName("wassist-sql");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", "wassist");
        HikariDataSource pool = new HikariDataSource(config);
        return new JdbcSqlClient(pool, pool);
    }

    /** The data source, for Flyway. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public List<SqlRow> query(String sql, SqlParams params) {
        try (Connection c = dataSource.getConnection()) {
            return JdbcStatements.query(c, sql, params);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e, sql);
        }
    }

    @Override
    public long update(String sql, SqlParams params) {
        try (Connection c = dataSource.getConnection()) {
            return JdbcStatements.update(c, sql, params);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e, sql);
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Transaction(c));
                c.commit();
                c.setAutoCommit(true);
                return result;
            } catch (RuntimeException | Error | SQLException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw JdbcErrors.translate(e, "transaction");
        }
    }

    /** Rolls back and restores auto-commit; failures to do so are attached to {@code cause}. */
    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(JdbcErrors.translate(e, "ROLLBACK"));
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    /** The client handed to transactional work: every statement on the transaction's connection. */
    private record Transaction(Connection connection) implements SqlClient {
        @Override
        public List<SqlRow> query(String sql, SqlParams params) {
            try {
                return JdbcStatements.query(connection, sql, params);
            } catch (SQLException e) {
                throw JdbcErrors.translate(e, sql);
            }
        }

        @Override
        public long update(String sql, SqlParams params) {
            try {
                return JdbcStatements.update(connection, sql, params);
            } catch (SQLException e) {
                throw JdbcErrors.translate(e, sql);
            }
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            return work.run(this);
        }
    }
}
