package org.wassist.bridge.whatsapp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

    /** Reads the settings from environment variables; unset ones keep their defaults. */
    public static WhatsAppSettings fromEnvironment(Map<String, String> env) {
        return WhatsAppEnvironment.read(env);
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
        return with(c -> {
            c.profileDir = profile;
            c.url = pageUrl;
        });
    }

    public WhatsAppSettings withPairingNumber(@Nullable String number) {
        return with(c -> c.pairingNumber = number);
    }

    public WhatsAppSettings withPinnedHtml(@Nullable Path html) {
        return with(c -> c.pinnedHtml = html);
    }

    public WhatsAppSettings withQrTerminal(@Nullable Boolean terminal) {
        return with(c -> c.qrTerminal = terminal);
    }

    /** A copy with what {@code change} sets; the one place that lists every component for copying. */
    private WhatsAppSettings with(Consumer<Copy> change) {
        Copy c = new Copy();
        change.accept(c);
        return new WhatsAppSettings(
                c.profileDir,
                c.url,
                c.pinnedHtml,
                c.pairingNumber,
                c.chromium,
                c.node,
                c.headless,
                c.noSandbox,
                c.userAgent,
                c.qrTerminal,
                c.pumpInterval,
                c.stuckAfter,
                c.navigationTimeout,
                c.pairingRefresh,
                c.takeoverOnConflict,
                c.catchUpMaxAge,
                c.startTimeout);
    }

    /** The components of a copy being made: this record's, until a {@code with…} method sets one. */
    private final class Copy {
        Path profileDir = WhatsAppSettings.this.profileDir;
        URI url = WhatsAppSettings.this.url;

        @Nullable
        Path pinnedHtml = WhatsAppSettings.this.pinnedHtml;

        @Nullable
        String pairingNumber = WhatsAppSettings.this.pairingNumber;

        Path chromium = WhatsAppSettings.this.chromium;
        Path node = WhatsAppSettings.this.node;
        boolean headless = WhatsAppSettings.this.headless;
        boolean noSandbox = WhatsAppSettings.this.noSandbox;

        @Nullable
        String userAgent = WhatsAppSettings.this.userAgent;

        @Nullable
        Boolean qrTerminal = WhatsAppSettings.this.qrTerminal;

        Duration pumpInterval = WhatsAppSettings.this.pumpInterval;
        Duration stuckAfter = WhatsAppSettings.this.stuckAfter;
        Duration navigationTimeout = WhatsAppSettings.this.navigationTimeout;
        Duration pairingRefresh = WhatsAppSettings.this.pairingRefresh;
        boolean takeoverOnConflict = WhatsAppSettings.this.takeoverOnConflict;
        Duration catchUpMaxAge = WhatsAppSettings.this.catchUpMaxAge;
        Duration startTimeout = WhatsAppSettings.this.startTimeout;
    }
}
