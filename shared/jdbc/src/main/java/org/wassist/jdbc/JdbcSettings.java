package org.wassist.jdbc;

import org.jspecify.annotations.Nullable;
import org.wassist.config.Secret;

/**
 * Where and how to connect.
 *
 * @param url a {@code jdbc:postgresql://} URL
 * @param user the user, unless the URL names it
 * @param password the password, unless the server trusts the connection
 * @param maxPoolSize the most connections kept open
 */
public record JdbcSettings(
        String url, @Nullable String user, @Nullable Secret password, int maxPoolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public JdbcSettings {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the JDBC URL must be a jdbc:postgresql:// URL");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1: " + maxPoolSize);
        }
    }

    public static JdbcSettings of(String url) {
        return new JdbcSettings(url, null, null, DEFAULT_POOL_SIZE);
    }
}
