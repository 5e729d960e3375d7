package org.wassist.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the all-local run itself (the assistant's own settings are in {@link org.wassist.config.AppConfig}).
 *
 * @param port {@code PORT}: the simulator page, its API and the health endpoints (default 8080)
 * @param dataDir {@code DATA_DIR}: all state of the run — PostgreSQL, queues, DynamoDB, media, transcript
 * @param channel {@code CHANNEL}: {@code simulator} (default) or {@code whatsapp-web} (the real bridge, QR in the terminal)
 * @param fakeModel {@code LOCAL_FAKE_MODEL}: answer with the built-in fake model (echoes what it received) instead of
 *     a real endpoint; for trying the run without a key
 * @param routerWorkers {@code LOCAL_ROUTER_WORKERS}: concurrent inbound pollers, like Lambda's concurrency
 */
public record LocalSettings(int port, Path dataDir, Channel channel, boolean fakeModel, int routerWorkers) {
    /** Which channel the local bridge drives. */
    public enum Channel {
        SIMULATOR,
        WHATSAPP_WEB
    }

    public static LocalSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = integer(env, "PORT", 8080, 0, 65_535, problems);
        Path dataDir =
                Path.of(env.getOrDefault("DATA_DIR", ".data")).toAbsolutePath().normalize();
        Channel channel =
                switch (env.getOrDefault("CHANNEL", "simulator").strip().toLowerCase(Locale.ROOT)) {
                    case "simulator", "" -> Channel.SIMULATOR;
                    case "whatsapp-web" -> Channel.WHATSAPP_WEB;
                    default -> {
                        problems.add("CHANNEL must be simulator or whatsapp-web");
                        yield Channel.SIMULATOR;
                    }
                };
        boolean fake =
                switch (env.getOrDefault("LOCAL_FAKE_MODEL", "false").strip().toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no", "" -> false;
                    default -> {
                        problems.add("LOCAL_FAKE_MODEL must be true or false");
                        yield false;
                    }
                };
        int workers = integer(env, "LOCAL_ROUTER_WORKERS", 4, 1, 64, problems);
        if (!problems.isEmpty()) {
            throw new org.wassist.config.ConfigException(problems);
        }
        return new LocalSettings(port, dataDir, channel, fake, workers);
    }

    private static int integer(
            Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(name + " must be a whole number between " + min + " and " + max);
        return fallback;
    }
}
