package org.wassist.standins.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FreshTestDatabasesIT {
    @Test
    void createsAFreshDatabaseAndDropsItOnClose() throws SQLException {
        String name;
        try (TestDatabase db = TestDatabases.create()) {
            name = db.name();
            assertThat(name).startsWith("wassist_t_");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT current_database(), count(*) FROM pg_tables" + " WHERE schemaname = 'public'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(name);
                assertThat(rs.getInt(2)).isZero();
            }
        }
        assertThat(exists(name)).isFalse();
    }

    @Test
    void twoDatabasesNeverShareAName() {
        try (TestDatabase a = TestDatabases.create();
                TestDatabase b = TestDatabases.create()) {
            assertThat(a.name()).isNotEqualTo(b.name());
        }
    }

    @Test
    void dropsLeftoversOlderThanTheLimitButNotRecentOnes() throws SQLException {
        Instant longAgo = Instant.now().minus(TestDatabases.LEFTOVER_AGE).minusSeconds(60);
        TestDatabase leftover =
                TestDatabases.create(TestDatabases.DEFAULT_SERVER_URL, Clock.fixed(longAgo, ZoneOffset.UTC));
        assertThat(exists(leftover.name())).isTrue();
        try (TestDatabase recent = TestDatabases.create();
                TestDatabase next = TestDatabases.create()) {
            assertThat(exists(leftover.name())).isFalse();
            assertThat(exists(recent.name())).isTrue();
            assertThat(exists(next.name())).isTrue();
        }
    }

    @Test
    void anUnreachableServerGivesAClearError() {
        assertThatThrownBy(() -> TestDatabases.create(
                        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=hunter2&connectTimeout=2",
                        Clock.systemUTC()))
                .hasMessageContaining("cannot create a test database on jdbc:postgresql://127.0.0.1:1/postgres")
                .hasMessageContaining("scripts/setup-postgres.sh")
                .hasMessageNotContaining("hunter2");
    }

    private static boolean exists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.DEFAULT_SERVER_URL);
                var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
