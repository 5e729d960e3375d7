package org.wassist.bridge;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.whatsapp.ProfileDirectory;
import org.wassist.config.ConfigException;

/**
 * The bridge process: wires everything from the environment, starts it, and stops it gracefully on SIGTERM (the JVM's
 * shutdown hook; tini forwards the signal in the container). Exits with status 2 when the configuration is invalid or
 * the profile directory is unsafe, naming the problem.
 */
public final class BridgeMain {
    static {
        // The graceful stop runs in our shutdown hook and logs as it goes; log4j's own hook would stop logging first
        // (hooks run concurrently). The console appender flushes every line, so nothing is lost without it.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
    }

    private static final Logger LOG = LoggerFactory.getLogger(BridgeMain.class);

    private BridgeMain() {}

    public static void main(String[] args) throws InterruptedException {
        BridgeWiring.Wired wired;
        try {
            // stderr is the operator's terminal for QR codes (only when it is a TTY; see TerminalQr).
            wired = BridgeWiring.fromEnvironment(System.getenv(), System.err);
        } catch (ConfigException | ProfileDirectory.UnsafeProfileException e) {
            LOG.error("the bridge cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        BridgeWiring.Wired running = wired;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("shutdown signal received");
                            running.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        running.app().start();
        stopped.await();
    }
}
