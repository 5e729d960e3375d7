package org.wassist.standins.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wassist.standins.Await;

class PrivatePostgresIT {
    // Not @TempDir: JUnit makes it mode 0700 as root, which the postgres OS user cannot traverse.
    private final Path base = Path.of(System.getProperty("java.io.tmpdir")).resolve("pg-" + UUID.randomUUID());
    private final Path dataDir = base.resolve("data");

    @AfterEach
    void removeTheCluster() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            PrivatePostgres.stopIfRunning(PrivatePostgres.DEFAULT_BIN, dataDir);
        }
        if (Files.exists(base)) {
            try (Stream<Path> all = Files.walk(base)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void initialisesStartsAndRestartsOnTheSameData() throws SQLException, IOException {
        try (PrivatePostgres pg = PrivatePostgres.start(dataDir, 0, "wassist")) {
            execute(pg.jdbcUrl(), "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('first run')");
            assertThat(query(pg.jdbcUrl(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(pg.jdbcUrl(), "SHOW unix_socket_directories")).isEmpty();
            assertThat(query(pg.jdbcUrl(), "SELECT current_database()")).isEqualTo("wassist");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        if (isRoot()) {
            assertThat(Files.getOwner(dataDir).getName()).isEqualTo("postgres");
        }
        try (PrivatePostgres pg = PrivatePostgres.start(dataDir, 0, "wassist")) {
            assertThat(query(pg.jdbcUrl(), "SELECT note FROM kept")).isEqualTo("first run");
            execute(pg.jdbcUrl(), "CREATE EXTENSION IF NOT EXISTS vector");
            assertThat(query(pg.jdbcUrl(), "SELECT '[1,2]'::vector <-> '[1,3]'::vector"))
                    .isEqualTo("1");
        }
    }

    @Test
    void stopShutsTheServerDown() throws SQLException {
        PrivatePostgres pg = PrivatePostgres.start(dataDir, 0, "wassist");
        String url = pg.jdbcUrl();
        pg.stop();
        assertThatThrownBy(() -> query(url, "SELECT 1")).isInstanceOf(SQLException.class);
        pg.stop();
    }

    @Test
    void startsAgainAfterTheJavaProcessWasKilled() throws Exception {
        Files.createDirectories(base);
        Path ready = base.resolve("ready");
        Process child = new ProcessBuilder(
                        javaBinary(),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PrivatePostgresChild.class.getName(),
                        dataDir.toString(),
                        ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("child.log").toFile())
                .start();
        try {
            assertThat(Await.until(() -> Files.exists(ready), Duration.ofMinutes(2)))
                    .as("child started the cluster")
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (PrivatePostgres pg = PrivatePostgres.start(dataDir, 0, "wassist")) {
            assertThat(query(pg.jdbcUrl(), "SELECT note FROM survivor")).isEqualTo("written before the kill");
        }
    }

    @Test
    void aStaleLockFileFromACrashedServerDoesNotBlockTheStart() throws Exception {
        PrivatePostgres.start(dataDir, 0, "wassist").stop();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(
                dataDir.resolve("postmaster.pid"), gone.pid() + "\n" + dataDir + "\n", StandardCharsets.UTF_8);
        try (PrivatePostgres pg = PrivatePostgres.start(dataDir, 0, "wassist")) {
            assertThat(query(pg.jdbcUrl(), "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void missingBinariesAreNamed() {
        assertThatThrownBy(() -> PrivatePostgres.start(base.resolve("no-bin"), dataDir, 0, "wassist"))
                .hasMessageContaining("PostgreSQL 15 server binaries are missing")
                .hasMessageContaining("no-bin/initdb")
                .hasMessageContaining("postgresql-15");
    }

    @Test
    void aNonEmptyDirectoryWithoutAClusterIsRefused() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("notes.txt"), "not a cluster");
        assertThatThrownBy(() -> PrivatePostgres.start(dataDir, 0, "wassist"))
                .hasMessageContaining("is not empty but holds no PostgreSQL cluster");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return String.join(",", values);
        }
    }
}
