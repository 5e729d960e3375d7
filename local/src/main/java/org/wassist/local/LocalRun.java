package org.wassist.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.config.AppConfig;
import org.wassist.config.ConfigException;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;

/**
 * {@code scripts/run-local.sh}: the whole assistant on one machine. Stand-ins for every AWS service, the router
 * consuming the inbound queue in-process, and the bridge with the chat simulator at http://localhost:PORT/ (or the
 * real WhatsApp Web with {@code CHANNEL=whatsapp-web}). Stops cleanly on Ctrl-C / SIGTERM; a kill -9 loses nothing
 * that was accepted, because every stand-in keeps its state under {@code DATA_DIR}.
 */
public final class LocalRun {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

    private LocalRun() {}

    /** The run's own settings and the assistant's, both valid. */
    private record Settings(LocalSettings local, AppConfig app) {}

    public static void main(String[] args) throws InterruptedException {
        Settings settings = settings(System.getenv());
        warnIfNoModel(settings);
        LocalWiring wiring;
        try {
            wiring = LocalWiring.start(settings.local(), settings.app(), Clock.systemUTC());
        } catch (RuntimeException e) {
            // Messages of start-up failures name files, ports and commands to run, never user data.
            LOG.error("cannot start: {}", StartFailure.describe(e));
            LOG.debug("start-up failure", e);
            System.exit(1);
            return;
        }
        LOG.info(
                "WAssist is running: open http://localhost:{}/ (data in {})",
                wiring.port(),
                settings.local().dataDir());
        awaitShutdown(wiring);
    }

    /** Both settings, or exits with every invalid one of either listed at once. */
    private static Settings settings(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        LocalSettings local = null;
        AppConfig app = null;
        try {
            local = LocalSettings.fromEnvironment(env);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            app = ConfigLoader.load(env, Profile.LOCAL);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (local == null || app == null) {
            LOG.error("cannot start: {}", new ConfigException(problems).getMessage());
            System.exit(2);
            throw new IllegalStateException("unreachable: exited");
        }
        return new Settings(local, app);
    }

    private static void warnIfNoModel(Settings settings) {
        List<String> missing = settings.app().model().missing();
        if (!missing.isEmpty() && !settings.local().fakeModel()) {
            LOG.warn(
                    "the assistant cannot answer until this is set: {} (or start with LOCAL_FAKE_MODEL=true to try "
                            + "it with the built-in fake model)",
                    String.join(", ", missing));
        }
    }

    /** Blocks until Ctrl-C or SIGTERM has stopped everything. */
    private static void awaitShutdown(LocalWiring wiring) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            wiring.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
    }
}
