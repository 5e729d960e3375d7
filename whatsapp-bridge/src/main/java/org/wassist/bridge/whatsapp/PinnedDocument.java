package org.wassist.bridge.whatsapp;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pinned WhatsApp Web build ({@code WHATSAPP_WEB_PINNED_HTML}): every navigation to the main document is answered
 * with the saved HTML, whatever its query string, because WhatsApp Web reloads itself with one (for example
 * {@code ?post_logout=1} after a logout) and that reload must get the pinned build too. Everything else, including
 * non-navigation requests to the same address, goes to the network.
 */
final class PinnedDocument {
    private PinnedDocument() {}

    static void install(Page page, URI mainDocument, Path html) {
        byte[] body = read(html);
        page.route(u -> isMainDocument(mainDocument, u), route -> {
            if (route.request().isNavigationRequest()) {
                route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/html; charset=utf-8")
                        .setBodyBytes(body));
            } else {
                route.resume();
            }
        });
    }

    /** Same scheme, host, port and path as the main document; the query and the fragment do not matter. */
    static boolean isMainDocument(URI mainDocument, String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        return String.valueOf(mainDocument.getScheme()).equalsIgnoreCase(String.valueOf(u.getScheme()))
                && String.valueOf(mainDocument.getHost()).equalsIgnoreCase(String.valueOf(u.getHost()))
                && port(mainDocument) == port(u)
                && path(mainDocument).equals(path(u));
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }

    private static String path(URI u) {
        String p = u.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pinned WhatsApp Web HTML", e);
        }
    }
}
