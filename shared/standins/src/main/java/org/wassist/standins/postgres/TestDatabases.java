package org.wassist.standins.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh, uniquely named databases on the machine's PostgreSQL ({@code 127.0.0.1:5432}, user {@code postgres}, trust
 * auth), or on the server of {@code WASSIST_TEST_PG_URL} (a JDBC URL to its maintenance database). Databases left
 * behind by a killed test run are dropped once they are older than {@link #LEFTOVER_AGE}.
 */
public final class TestDatabases {
    public static final String URL_VARIABLE = "WASSIST_TEST_PG_URL";
    static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final Duration LEFTOVER_AGE = Duration.ofHours(12);
    private static final String PREFIX = "wassist_t_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    public static TestDatabase create() {
        String url = System.getenv(URL_VARIABLE);
        return create(url == null || url.isBlank() ? DEFAULT_SERVER_URL : url, Clock.systemUTC());
    }

    static TestDatabase create(String serverUrl, Clock clock) {
        long now = clock.instant().getEpochSecond();
        String name = PREFIX + now + "_" + HexFormat.of().formatHex(bytes());
        try (Connection c = DriverManager.getConnection(serverUrl);
                Statement s = c.createStatement()) {
            dropLeftovers(s, now);
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database on " + JdbcUrls.safe(serverUrl)
                            + " (is PostgreSQL running? run scripts/setup-postgres.sh, or set " + URL_VARIABLE + ")",
                    e);
        }
        return new TestDatabase(serverUrl, name);
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void dropLeftovers(Statement s, long nowEpochSecond) throws SQLException {
        List<String> old = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wassist\\_t\\_%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches() && nowEpochSecond - Long.parseLong(m.group(1)) > LEFTOVER_AGE.toSeconds()) {
                    old.add(rs.getString(1));
                }
            }
        }
        for (String name : old) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }
}
