package org.wassist.bridge.whatsapp;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Playwright, the persistent Chromium context and the WhatsApp Web page. Created, used and closed on the browser
 * thread only (Playwright's Java API is not thread-safe). The page-to-host function and the navigation listener only
 * hand strings to the given consumers, which enqueue them.
 */
final class BrowserSession implements AutoCloseable {
    static final String EMIT_FUNCTION = "wassistBridgeEmit";
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);

    private final Playwright playwright;
    private final BrowserContext context;
    private final Page page;
    private final String script;

    private BrowserSession(Playwright playwright, BrowserContext context, Page page, String script) {
        this.playwright = playwright;
        this.context = context;
        this.page = page;
        this.script = script;
    }

    /** Launches Chromium on the profile, installs the script and the event function, and opens the page. */
    static BrowserSession open(
            WhatsAppSettings s, Path temp, String script, Consumer<String> events, Consumer<String> navigations) {
        Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv(s)));
        try {
            String ua = s.userAgent() != null ? s.userAgent() : ChromiumFlags.userAgent(s.chromium());
            BrowserContext ctx = pw.chromium().launchPersistentContext(s.profileDir(), launchOptions(s, temp, ua));
            ctx.exposeFunction(EMIT_FUNCTION, args -> {
                if (args.length == 1 && args[0] instanceof String json) {
                    events.accept(json);
                }
                return null;
            });
            ctx.addInitScript(script);
            Page page = ctx.pages().isEmpty() ? ctx.newPage() : ctx.pages().get(0);
            BrowserSession session = new BrowserSession(pw, ctx, page, script);
            session.wire(s, events, navigations);
            session.navigate(s);
            return session;
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    /**
     * Playwright keeps the first driver environment for the whole JVM, so the driver's TMPDIR (its artifacts) is the
     * JVM-lifetime {@link DriverDirectory}, not this channel's temp directory.
     */
    private static Map<String, String> driverEnv(WhatsAppSettings s) {
        return Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
                "1",
                "PLAYWRIGHT_NODEJS_PATH",
                s.node().toString(),
                "TMPDIR",
                DriverDirectory.ensure().toString(),
                // The driver only relays protocol messages; a small heap keeps its memory flat, and one V8 worker
                // thread instead of one per core saves their malloc arenas (about 3 MB).
                "NODE_OPTIONS",
                "--max-old-space-size=64 --max-semi-space-size=1 --v8-pool-size=1");
    }

    private static BrowserType.LaunchPersistentContextOptions launchOptions(
            WhatsAppSettings s, Path temp, @Nullable String ua) {
        return new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(s.chromium())
                .setHeadless(s.headless())
                .setChromiumSandbox(!s.noSandbox())
                .setArgs(ChromiumFlags.args(ua))
                .setIgnoreDefaultArgs(List.of("--enable-automation"))
                .setEnv(ChromiumFlags.browserEnv(temp))
                .setAcceptDownloads(false)
                .setTimeout((double) s.navigationTimeout().toMillis());
    }

    private void wire(WhatsAppSettings s, Consumer<String> events, Consumer<String> navigations) {
        Path pinned = s.pinnedHtml();
        if (pinned != null) {
            PinnedDocument.install(page, s.url(), pinned);
            LOG.info("serving the pinned WhatsApp Web main document from {}", pinned);
        }
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) {
                navigations.accept(frame.url());
            }
        });
        page.onCrash(p -> events.accept("{\"kind\":\"crash\"}"));
        page.onClose(p -> events.accept("{\"kind\":\"closed\"}"));
    }

    private void navigate(WhatsAppSettings s) {
        page.navigate(
                s.url().toString(),
                new Page.NavigateOptions()
                        .setReferer("https://whatsapp.com/")
                        .setWaitUntil(WaitUntilState.LOAD)
                        .setTimeout((double) s.navigationTimeout().toMillis()));
    }

    /** Makes sure the script runs in the current document (a no-op when the init script already did). */
    void ensureInjected() {
        try {
            page.evaluate(script);
        } catch (PlaywrightException e) {
            // The document is being replaced; the init script covers the next one.
            LOG.debug("re-injection skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** Calls {@code WAssistBridge.<operation>(arg)} in the page and returns its (awaited) result. */
    @Nullable
    Object call(String operation, @Nullable Object arg) {
        return page.evaluate("([op, a]) => window.WAssistBridge[op](a)", java.util.Arrays.asList(operation, arg));
    }

    /** Lets Playwright dispatch page events for up to {@code millis}. */
    void pump(long millis) {
        page.waitForTimeout((double) millis);
    }

    String url() {
        return page.url();
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PlaywrightException e) {
            LOG.warn("closing the browser failed: {}", e.getClass().getSimpleName());
        } finally {
            playwright.close();
        }
    }
}
