package org.wassist.bridge.whatsapp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.SettingsReader;

/**
 * Settings of the WhatsApp Web channel; docs/whatsapp-bridge.md lists the variables and defaults.
 *
 * @param profileDir Chromium's persistent profile, holding the session ({@code PROFILE_DIR}); must be 0700
 * @param url the page to open ({@code WHATSAPP_WEB_URL})
 * @param pinnedHtml an HTML file served instead of the live main document ({@code WHATSAPP_WEB_PINNED_HTML})
 * @param pairingNumber link by phone-number code instead of QR ({@code WHATSAPP_PAIRING_NUMBER}, digits only)
 * @param chromium the Chromium executable ({@code CHROMIUM_PATH})
 * @param node the Node.js that runs Playwright's driver ({@code PLAYWRIGHT_NODEJS_PATH})
 * @param headless run without a window ({@code WHATSAPP_HEADLESS})
 * @param noSandbox disable Chromium's sandbox ({@code CHROMIUM_NO_SANDBOX}; default: only when running as root)
 * @param userAgent the user agent; null derives a desktop Chrome one from the installed version
 * @param qrTerminal draw QR codes on stderr ({@code QR_TERMINAL}); null: only when stderr is a terminal
 * @param pumpInterval how long each browser-thread cycle waits for page events
 * @param stuckAfter the browser thread counts as stuck (liveness fails) after this long without a cycle
 * @param navigationTimeout how long loading the page may take
 * @param pairingRefresh how often a new pairing code is requested while unlinked
 * @param takeoverOnConflict take the session back when another WhatsApp Web tab took it ({@code
 *     WHATSAPP_TAKEOVER_ON_CONFLICT})
 * @param catchUpMaxAge how far back the catch-up after a restart looks at most ({@code CATCHUP_MAX_HOURS})
 * @param startTimeout how long the page may take until the injected script reports in
 */
public record WhatsAppSettings(
        Path profileDir,
        URI url,
        @Nullable Path pinnedHtml,
        @Nullable String pairingNumber,
        Path chromium,
        Path node,
        boolean headless,
        boolean noSandbox,
        @Nullable String userAgent,
        @Nullable Boolean qrTerminal,
        Duration pumpInterval,
        Duration stuckAfter,
        Duration navigationTimeout,
        Duration pairingRefresh,
        boolean takeoverOnConflict,
        Duration catchUpMaxAge,
        Duration startTimeout) {

    public static final URI DEFAULT_URL = URI.create("https://web.whatsapp.com/");
    static final List<Path> CHROMIUM_CANDIDATES =
            List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));

    @Override
    public String toString() {
        return "WhatsAppSettings[profileDir=" + profileDir + ", url=" + url + ", pinned=" + (pinnedHtml != null)
                + ", pairing=" + (pairingNumber != null) + ", chromium=" + chromium + ", headless=" + headless
                + ", noSandbox=" + noSandbox + "]";
    }

    public static WhatsAppSettings defaults(Path profileDir) {
        return new WhatsAppSettings(
                profileDir,
                DEFAULT_URL,
                null,
                null,
                defaultChromium(),
                Path.of("/usr/bin/node"),
                true,
                Users.isRoot(),
                null,
                null,
                Duration.ofMillis(100),
                Duration.ofSeconds(120),
                Duration.ofSeconds(60),
                Duration.ofSeconds(180),
                true,
                Duration.ofDays(3),
                Duration.ofSeconds(90));
    }

    public static WhatsAppSettings fromEnvironment(Map<String, String> env) {
        SettingsReader r = new SettingsReader(env);
        WhatsAppSettings d = defaults(r.path("PROFILE_DIR", Path.of("/data/profile")));
        String pairing = r.optional("WHATSAPP_PAIRING_NUMBER")
                .map(v -> v.replaceAll("[\\s+()\\-]", ""))
                .orElse(null);
        if (pairing != null && !pairing.matches("\\d{7,15}")) {
            r.problem("WHATSAPP_PAIRING_NUMBER must be a phone number in international form, digits only");
            pairing = null;
        }
        URI url = URI.create(r.string("WHATSAPP_WEB_URL", DEFAULT_URL.toString()));
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            r.problem("WHATSAPP_WEB_URL must be an http(s) URL");
        }
        Path pinned = r.optionalPath("WHATSAPP_WEB_PINNED_HTML");
        if (pinned != null && !Files.isReadable(pinned)) {
            r.problem("WHATSAPP_WEB_PINNED_HTML names a file that cannot be read");
        }
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

    /** Debian's Chromium: the first executable candidate, else the first candidate (start-up then names it). */
    public static Path defaultChromium() {
        return CHROMIUM_CANDIDATES.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(CHROMIUM_CANDIDATES.get(0));
    }

    /** A copy for another profile directory and page, as tests and the benchmark use. */
    public WhatsAppSettings withPage(Path profile, URI pageUrl) {
        return new WhatsAppSettings(
                profile,
                pageUrl,
                pinnedHtml,
                pairingNumber,
                chromium,
                node,
                headless,
                noSandbox,
                userAgent,
                qrTerminal,
                pumpInterval,
                stuckAfter,
                navigationTimeout,
                pairingRefresh,
                takeoverOnConflict,
                catchUpMaxAge,
                startTimeout);
    }

    public WhatsAppSettings withPairingNumber(@Nullable String number) {
        return new WhatsAppSettings(
                profileDir,
                url,
                pinnedHtml,
                number,
                chromium,
                node,
                headless,
                noSandbox,
                userAgent,
                qrTerminal,
                pumpInterval,
                stuckAfter,
                navigationTimeout,
                pairingRefresh,
                takeoverOnConflict,
                catchUpMaxAge,
                startTimeout);
    }

    public WhatsAppSettings withPinnedHtml(@Nullable Path html) {
        return new WhatsAppSettings(
                profileDir,
                url,
                html,
                pairingNumber,
                chromium,
                node,
                headless,
                noSandbox,
                userAgent,
                qrTerminal,
                pumpInterval,
                stuckAfter,
                navigationTimeout,
                pairingRefresh,
                takeoverOnConflict,
                catchUpMaxAge,
                startTimeout);
    }

    public WhatsAppSettings withQrTerminal(@Nullable Boolean terminal) {
        return new WhatsAppSettings(
                profileDir,
                url,
                pinnedHtml,
                pairingNumber,
                chromium,
                node,
                headless,
                noSandbox,
                userAgent,
                terminal,
                pumpInterval,
                stuckAfter,
                navigationTimeout,
                pairingRefresh,
                takeoverOnConflict,
                catchUpMaxAge,
                startTimeout);
    }
}
