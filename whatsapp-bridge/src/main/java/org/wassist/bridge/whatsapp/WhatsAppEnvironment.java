package org.wassist.bridge.whatsapp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.SettingsReader;

/**
 * Reads {@link WhatsAppSettings} from environment variables (listed in docs/whatsapp-bridge.md); unset ones keep
 * their defaults, and every invalid one is reported at once.
 */
final class WhatsAppEnvironment {
    private WhatsAppEnvironment() {}

    static WhatsAppSettings read(Map<String, String> env) {
        SettingsReader r = new SettingsReader(env);
        WhatsAppSettings d = WhatsAppSettings.defaults(r.path("PROFILE_DIR", Path.of("/data/profile")));
        String pairing = pairingNumber(r);
        URI url = url(r);
        Path pinned = pinnedHtml(r);
        WhatsAppSettings s = new WhatsAppSettings(
                d.profileDir(),
                url,
                pinned,
                pairing,
                r.path("CHROMIUM_PATH", d.chromium()),
                r.path("PLAYWRIGHT_NODEJS_PATH", d.node()),
                r.bool("WHATSAPP_HEADLESS", true),
                r.bool("CHROMIUM_NO_SANDBOX", d.noSandbox()),
                r.optional("WHATSAPP_USER_AGENT").orElse(null),
                r.tristate("QR_TERMINAL"),
                r.millis("BROWSER_PUMP_MS", d.pumpInterval(), 5000),
                r.seconds("BROWSER_STUCK_SECONDS", d.stuckAfter(), 3600),
                r.seconds("WHATSAPP_LOAD_TIMEOUT_SECONDS", d.navigationTimeout(), 600),
                r.seconds("PAIRING_CODE_REFRESH_SECONDS", d.pairingRefresh(), 3600),
                r.bool("WHATSAPP_TAKEOVER_ON_CONFLICT", true),
                Duration.ofHours(r.integer("CATCHUP_MAX_HOURS", 72, 0, 24 * 30)),
                r.seconds("WHATSAPP_START_TIMEOUT_SECONDS", d.startTimeout(), 3600));
        r.failOnProblems();
        return s;
    }

    /** Digits only, 7 to 15 of them; spaces, {@code +}, parentheses and dashes are dropped first. */
    private static @Nullable String pairingNumber(SettingsReader r) {
        String pairing = r.optional("WHATSAPP_PAIRING_NUMBER")
                .map(v -> v.replaceAll("[\\s+()\\-]", ""))
                .orElse(null);
        if (pairing != null && !pairing.matches("\\d{7,15}")) {
            r.problem("WHATSAPP_PAIRING_NUMBER must be a phone number in international form, digits only");
            return null;
        }
        return pairing;
    }

    private static URI url(SettingsReader r) {
        URI url = URI.create(r.string("WHATSAPP_WEB_URL", WhatsAppSettings.DEFAULT_URL.toString()));
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            r.problem("WHATSAPP_WEB_URL must be an http(s) URL");
        }
        return url;
    }

    private static @Nullable Path pinnedHtml(SettingsReader r) {
        Path pinned = r.optionalPath("WHATSAPP_WEB_PINNED_HTML");
        if (pinned != null && !Files.isReadable(pinned)) {
            r.problem("WHATSAPP_WEB_PINNED_HTML names a file that cannot be read");
        }
        return pinned;
    }
}
