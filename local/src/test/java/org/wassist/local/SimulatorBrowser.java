package org.wassist.local;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import org.wassist.bridge.whatsapp.WhatsAppSettings;

/**
 * The simulator page in headless Debian Chromium through Playwright, as a user sees it: the system Node runs the
 * driver and no browser is downloaded, as in the bridge. One browser and page per instance.
 */
final class SimulatorBrowser implements AutoCloseable {
    static final double WAIT_MS = 30_000;

    private final Playwright playwright;
    private final Browser browser;
    final Page page;

    SimulatorBrowser(LocalRunChild run) {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node")));
        try {
            this.browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(WhatsAppSettings.defaultChromium())
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--no-first-run")));
            this.page = browser.newPage();
            page.setDefaultTimeout(WAIT_MS);
            page.navigate("http://127.0.0.1:" + run.port() + "/");
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
