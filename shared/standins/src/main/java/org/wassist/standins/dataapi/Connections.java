package org.wassist.standins.dataapi;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * JDBC connections behind the endpoint: a few idle ones reused for statements outside a transaction, and one per open
 * transaction, found by its id. Sessions run in UTC, as on Aurora, so timestamps without a zone mean UTC.
 */
final class Connections implements AutoCloseable {
    private static final int MAX_IDLE = 8;
    private static final int TRANSACTION_ID_BYTES = 48;

    private final String jdbcUrl;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Map<String, Connection> transactions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Connections(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Connection borrow() throws SQLException {
        Connection c = idle.pollFirst();
        return c != null && !c.isClosed() ? c : open();
    }

    void release(Connection c) throws SQLException {
        if (!c.isClosed() && c.getAutoCommit() && idle.size() < MAX_IDLE) {
            idle.addFirst(c);
        } else {
            c.close();
        }
    }

    String begin() throws SQLException {
        Connection c = open();
        c.setAutoCommit(false);
        byte[] id = new byte[TRANSACTION_ID_BYTES];
        random.nextBytes(id);
        String txId = Base64.getEncoder().encodeToString(id);
        transactions.put(txId, c);
        return txId;
    }

    Connection transaction(String txId) {
        Connection c = transactions.get(txId);
        if (c == null) {
            throw DataApiException.notFound("Transaction " + txId + " is not found");
        }
        return c;
    }

    /** Ends a transaction: commits or rolls back, then closes its connection. */
    void end(String txId, boolean commit) throws SQLException {
        Connection c = transactions.remove(txId);
        if (c == null) {
            throw DataApiException.notFound("Transaction " + txId + " is not found");
        }
        try (c) {
            synchronized (c) {
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            }
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
        }
        return c;
    }

    @Override
    public void close() {
        for (Connection c : transactions.values()) {
            closeQuietly(c);
        }
        transactions.clear();
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing at shutdown; nothing left to do with a connection that cannot close
        }
    }
}
