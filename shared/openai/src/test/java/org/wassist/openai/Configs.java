package org.wassist.openai;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;

/** Model settings for tests: short timeouts, explicit retries and keys. */
final class Configs {
    static final Duration COOLDOWN = Duration.ofSeconds(60);
    static final String MODEL = "gpt-4o-mini";

    private Configs() {}

    static AppConfig.Model model(URI baseUrl, int maxRetries, String... keys) {
        return model(baseUrl, maxRetries, Duration.ofSeconds(10), keys);
    }

    static AppConfig.Model model(URI baseUrl, int maxRetries, Duration timeout, String... keys) {
        List<Secret> secrets = new ArrayList<>();
        for (String k : keys) {
            secrets.add(new Secret(k));
        }
        return new AppConfig.Model(secrets, baseUrl, MODEL, timeout, maxRetries, COOLDOWN);
    }
}
