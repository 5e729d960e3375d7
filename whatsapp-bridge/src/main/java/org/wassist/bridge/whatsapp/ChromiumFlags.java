package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chromium's command line and environment. Each flag has a reason:
 *
 * <ul>
 *   <li>{@code --disable-blink-features=AutomationControlled}: no {@code navigator.webdriver}, as in a normal browser;
 *   <li>{@code --disable-background-networking}, {@code --disable-component-update}, {@code --disable-sync},
 *       {@code --disable-default-apps}, {@code --disable-extensions}, {@code --disable-domain-reliability},
 *       {@code --disable-client-side-phishing-detection}, {@code --no-first-run}, {@code --no-default-browser-check}:
 *       no traffic or code besides WhatsApp Web (no updates, sync, telemetry);
 *   <li>{@code --disable-breakpad}: no crash dumps, which would hold page memory (messages, keys);
 *   <li>{@code --disable-dev-shm-usage}: containers have a 64 MB {@code /dev/shm}; shared memory goes to /tmp
 *       (Playwright passes it too);
 *   <li>{@code --disable-gpu}, {@code --mute-audio}: headless server;
 *   <li>{@code --password-store=basic}: no desktop keyring;
 *   <li>{@code --deny-permission-prompts}: WhatsApp Web gets no notifications, camera or microphone;
 *   <li>{@code --renderer-process-limit=1}: one site needs one renderer, and each costs tens of MB (site isolation
 *       still gets its own process where it requires one);
 *   <li>{@code --in-process-gpu}: the (software) GPU thread in the browser process instead of a process of its own;
 *   <li>{@code --disable-software-rasterizer}: with the GPU off, no SwiftShader fallback either (about 13 MB less in the
 *       browser process); pages are composited in software, only WebGL is lost, which WhatsApp Web does not need;
 *   <li>{@code --disable-features=…}, {@code --enable-features=…}: see {@link #DISABLED_FEATURES} and
 *       {@link #ENABLED_FEATURES}; Chromium keeps only the last occurrence of each switch, so these carry
 *       Playwright's own lists too;
 *   <li>{@code --user-agent=…}: a desktop Chrome user agent of the installed major version instead of
 *       {@code HeadlessChrome}, which WhatsApp Web may treat as unsupported.
 * </ul>
 *
 * The memory effect of each is in docs/benchmarks.md ("WhatsApp bridge"). The sandbox stays on, except when the process
 * runs as root (Chromium refuses to sandbox as root) or {@code CHROMIUM_NO_SANDBOX=true} is set for a platform without
 * user namespaces; then the container (non-root, no capabilities, read-only except the profile and temp) is the
 * isolation boundary.
 */
final class ChromiumFlags {
    /**
     * Chromium puts its singleton socket under TMPDIR, and a Unix socket path has at most 107 bytes; with a longer
     * temp directory Chromium keeps the system default (/tmp), where it removes the socket itself on exit.
     */
    static final int MAX_TMPDIR_LENGTH = 60;

    /**
     * The {@code --disable-features} list Playwright passes (its {@code chromiumSwitches}); ours replaces it, so it is
     * repeated here. ChromiumFlagsTest compares it with the driver's bundle, so a Playwright upgrade that changes it
     * fails the build instead of silently dropping features.
     */
    static final List<String> PLAYWRIGHT_DISABLED_FEATURES = List.of(
            "AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval",
            "DestroyProfileOnBrowserClose",
            "DialMediaRouteProvider",
            "GlobalMediaControls",
            "HttpsUpgrades",
            "LensOverlay",
            "MediaRouter",
            "PaintHolding",
            "ThirdPartyStoragePartitioning",
            "BlockOriginHeaderModificationOnRedirect",
            "Translate",
            "AutoDeElevate",
            "OptimizationHints",
            "msForceBrowserSignIn",
            "msEdgeUpdateLaunchServicesPreferredVersion");

    /** The {@code --enable-features} list Playwright passes; repeated for the same reason. */
    static final List<String> PLAYWRIGHT_ENABLED_FEATURES = List.of("CDPScreenshotNewSurface");

    /**
     * Features turned off, besides Playwright's: {@code AutofillServerCommunication},
     * {@code InterestFeedContentSuggestions}: no traffic besides WhatsApp Web; {@code CalculateNativeWinOcclusion}:
     * no window to track; {@code SpareRendererForSitePerProcess}, {@code BackForwardCache}: no idle spare renderer and
     * no cached page, each tens of MB; {@code WebUIOmniboxPopup}, {@code WebUIOmniboxAimPopup}: headless Chromium
     * otherwise preloads the address bar's pop-up as a web page in a renderer of its own (about 50 MB) that a session
     * without an address bar never shows.
     */
    static final List<String> DISABLED_FEATURES = List.of(
            "AutofillServerCommunication",
            "InterestFeedContentSuggestions",
            "CalculateNativeWinOcclusion",
            "SpareRendererForSitePerProcess",
            "BackForwardCache",
            "WebUIOmniboxPopup",
            "WebUIOmniboxAimPopup");

    /**
     * Features turned on, besides Playwright's: {@code NetworkServiceInProcess2}: the network service runs in the
     * browser process instead of a process of its own (about 16 MB less). On Linux that process is not sandboxed
     * ({@code --service-sandbox-type=none}), so no sandbox boundary is lost, only crash isolation: a network service
     * crash takes the browser down, and the browser loop relaunches it on the same profile.
     */
    static final List<String> ENABLED_FEATURES = List.of("NetworkServiceInProcess2");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.\\d+\\.\\d+\\.\\d+");

    private ChromiumFlags() {}

    static List<String> args(@Nullable String userAgent) {
        List<String> a = new ArrayList<>(List.of(
                "--disable-blink-features=AutomationControlled",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-breakpad",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--mute-audio",
                "--no-first-run",
                "--no-default-browser-check",
                "--password-store=basic",
                "--deny-permission-prompts",
                "--renderer-process-limit=1",
                "--in-process-gpu",
                "--disable-software-rasterizer",
                "--disable-features=" + features(PLAYWRIGHT_DISABLED_FEATURES, DISABLED_FEATURES),
                "--enable-features=" + features(PLAYWRIGHT_ENABLED_FEATURES, ENABLED_FEATURES)));
        if (userAgent != null) {
            a.add("--user-agent=" + userAgent);
        }
        return a;
    }

    private static String features(List<String> playwright, List<String> ours) {
        Set<String> all = new LinkedHashSet<>(playwright);
        all.addAll(ours);
        return String.join(",", all);
    }

    /** A desktop Chrome user agent for the installed Chromium's major version, or null when it cannot be read. */
    static @Nullable String userAgent(Path chromium) {
        String version = installedVersion(chromium);
        if (version == null) {
            return null;
        }
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + version
                + ".0.0.0 Safari/537.36";
    }

    static @Nullable String installedVersion(Path chromium) {
        try {
            Process p = new ProcessBuilder(chromium.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return majorVersion(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static @Nullable String majorVersion(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The browser's environment: only what it needs, so no secret of the bridge's own environment reaches it; temp,
     * cache and config files go to the per-process temp directory.
     */
    static Map<String, String> browserEnv(Path temp) {
        Map<String, String> env = new HashMap<>();
        for (String keep : List.of("PATH", "LANG", "LC_ALL", "TZ", "FONTCONFIG_PATH")) {
            String v = System.getenv(keep);
            if (v != null) {
                env.put(keep, v);
            }
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", temp.resolve("home").toString());
        if (temp.toAbsolutePath().toString().length() <= MAX_TMPDIR_LENGTH) {
            env.put("TMPDIR", temp.toString());
        }
        env.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        return env;
    }
}
