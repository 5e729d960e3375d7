package org.wassist.standins.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A private cluster started by a JVM of its own, so a test can kill that JVM with SIGKILL. Arguments: data directory,
 * ready file. It stores one row, writes the port to the ready file and waits to be killed.
 */
public final class PrivatePostgresChild {
    private PrivatePostgresChild() {}

    public static void main(String[] args) throws Exception {
        PrivatePostgres pg = PrivatePostgres.start(Path.of(args[0]), 0, "wassist");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
            s.execute("INSERT INTO survivor VALUES ('written before the kill')");
        }
        Path ready = Path.of(args[1]);
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(pg.port()), StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
