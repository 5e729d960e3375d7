package org.wassist.standins.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.standins.LoopbackPorts;

/**
 * A private PostgreSQL 15 cluster for the all-local run, in a data directory of its own, listening only on 127.0.0.1
 * (no Unix socket) with trust authentication. The first start initialises the directory; later starts reuse its data.
 * A server left running by a killed process is stopped and started again; a stale {@code postmaster.pid} is handled
 * by PostgreSQL itself. When this process is root, the cluster belongs to and runs as the {@code postgres} OS user.
 */
public final class PrivatePostgres implements AutoCloseable {
    public static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String MAJOR = "15";
    private static final Logger LOG = LoggerFactory.getLogger(PrivatePostgres.class);
    private static final String START_WAIT_SECONDS = "60";

    private final PgCommands commands;
    private final Path dataDir;
    private final int port;
    private final String database;

    private PrivatePostgres(PgCommands commands, Path dataDir, int port, String database) {
        this.commands = commands;
        this.dataDir = dataDir;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts the cluster in {@code dataDir} (initialising it on first use) and creates {@code database} if missing.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static PrivatePostgres start(Path dataDir, int port, String database) {
        return start(DEFAULT_BIN, dataDir, port, database);
    }

    static PrivatePostgres start(Path bin, Path dataDir, int port, String database) {
        PgCommands commands = PgCommands.detect(bin);
        Path dir = dataDir.toAbsolutePath().normalize();
        PrivatePostgres pg = new PrivatePostgres(commands, dir, port == 0 ? LoopbackPorts.free() : port, database);
        pg.initialiseIfNeeded();
        pg.stopLeftover();
        pg.startServer();
        try {
            pg.prepareDatabase();
        } catch (RuntimeException e) {
            pg.stop();
            throw e;
        }
        return pg;
    }

    /** Stops a server running on {@code dataDir}, if any, without starting one (cleanup after a crash). */
    static void stopIfRunning(Path bin, Path dataDir) {
        PgCommands commands = PgCommands.detect(bin);
        new PrivatePostgres(commands, dataDir.toAbsolutePath().normalize(), 0, "postgres").stop();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The application database's URL (user {@code postgres}, trust auth). */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** Stops the server (fast shutdown: open sessions are ended, data is flushed). Does nothing when stopped. */
    public void stop() {
        if (running()) {
            commands.run("pg_ctl", List.of("stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60"));
            LOG.info("private PostgreSQL stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=postgres";
    }

    private boolean running() {
        return commands.exitCode("pg_ctl", List.of("status", "-D", dataDir.toString())) == 0;
    }

    private void initialiseIfNeeded() {
        Path version = dataDir.resolve("PG_VERSION");
        if (Files.exists(version)) {
            requireVersion(version);
            return;
        }
        prepareDirectory();
        commands.run(
                "initdb",
                List.of("-D", dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"));
        LOG.info("initialised a private PostgreSQL cluster");
    }

    private void requireVersion(Path version) {
        try {
            String v = Files.readString(version, StandardCharsets.UTF_8).strip();
            if (!v.equals(MAJOR)) {
                throw new IllegalStateException(dataDir + " holds a PostgreSQL " + v + " cluster, not " + MAJOR
                        + "; remove it or choose another data directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + version, e);
        }
    }

    private void prepareDirectory() {
        try {
            Files.createDirectories(dataDir);
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dataDir + " is not empty but holds no PostgreSQL cluster"
                            + " (no PG_VERSION); remove it or choose another data directory");
                }
            }
            if (commands.asPostgres()) {
                UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(dataDir, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName(PgCommands.OS_USER));
                view.setGroup(users.lookupPrincipalByGroupName(PgCommands.OS_USER));
            }
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
        if (!commands.canWrite(dataDir)) {
            throw new IllegalStateException("the postgres OS user cannot reach " + dataDir
                    + ": every parent directory must be searchable by it (chmod o+x), or choose another directory");
        }
    }

    /** A server still running here was left by a killed process: stop it, so this start uses our settings. */
    private void stopLeftover() {
        if (running()) {
            LOG.info("stopping a private PostgreSQL left running by an earlier process");
            stop();
        }
    }

    private void startServer() {
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=''";
        commands.run(
                "pg_ctl",
                List.of(
                        "start",
                        "-D",
                        dataDir.toString(),
                        "-w",
                        "-t",
                        START_WAIT_SECONDS,
                        "-l",
                        dataDir.resolve("server.log").toString(),
                        "-o",
                        options));
        LOG.info("private PostgreSQL listening on 127.0.0.1:{}", port);
    }

    private void prepareDatabase() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("pgvector is not installed for PostgreSQL " + MAJOR
                            + " (no 'vector' extension available); run scripts/setup-postgres.sh as root");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " on 127.0.0.1:" + port, e);
        }
    }
}
