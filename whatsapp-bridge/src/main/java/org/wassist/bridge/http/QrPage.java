package org.wassist.bridge.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.bridge.qr.QrCodes;
import org.wassist.config.Secret;

/**
 * The operator's linking page. {@code /qr} is an HTML page that refreshes itself and shows the current QR code and
 * pairing code; {@code /qr.png} is the bare image. Both need the token from {@code QR_PAGE_TOKEN}, as
 * {@code Authorization: Bearer <token>} or {@code ?token=<token>}, compared in constant time; without a configured
 * token the page is disabled (404). Answers are never cached.
 */
final class QrPage implements HttpHandler {
    private static final int SCALE = 8;
    private final byte @Nullable [] tokenDigest;
    private final Supplier<LoginPrompt> prompt;

    QrPage(@Nullable Secret token, Supplier<LoginPrompt> prompt) {
        this.tokenDigest = token == null ? null : sha256(token.reveal());
        this.prompt = prompt;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (tokenDigest == null) {
                Responses.text(ex, 404, "the QR page is disabled: set QR_PAGE_TOKEN to enable it");
            } else if (!path.equals("/qr") && !path.equals("/qr.png")) {
                Responses.text(ex, 404, "not found");
            } else if (!authorised(ex, tokenDigest)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                Responses.text(ex, 401, "a valid token is required");
            } else {
                serve(ex, path.equals("/qr.png"));
            }
        }
    }

    private void serve(HttpExchange ex, boolean image) throws IOException {
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        LoginPrompt p = prompt.get();
        String qr = p.qr();
        if (image) {
            if (qr == null) {
                Responses.text(ex, 404, "no QR code is pending");
            } else {
                Responses.send(ex, 200, "image/png", QrCodes.png(qr, SCALE));
            }
            return;
        }
        ex.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        Responses.send(ex, 200, "text/html; charset=utf-8", html(p).getBytes(StandardCharsets.UTF_8));
    }

    static String html(LoginPrompt p) {
        StringBuilder b = new StringBuilder(
                "<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">"
                        + "<title>Link WhatsApp</title><style>body{font-family:sans-serif;margin:2em}"
                        + "code{font-size:2em;letter-spacing:.2em}</style></head><body><h1>Link WhatsApp</h1>");
        String qr = p.qr();
        String code = p.pairingCode();
        if (qr != null) {
            b.append(
                            "<p>WhatsApp on the phone → Linked devices → Link a device, then scan:</p><img alt=\"QR code\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(QrCodes.png(qr, SCALE)))
                    .append("\">");
        }
        if (code != null) {
            b.append("<p>Or link with phone number and enter this code:</p><p><code>")
                    .append(escape(code))
                    .append("</code></p>");
        }
        if (qr == null && code == null) {
            b.append("<p>No login is pending: the account is linked, or the session is still starting.</p>");
        }
        return b.append("</body></html>").toString();
    }

    private static boolean authorised(HttpExchange ex, byte[] expected) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String given = null;
        if (header != null && header.startsWith("Bearer ")) {
            given = header.substring("Bearer ".length()).strip();
        } else {
            given = queryToken(ex.getRequestURI().getRawQuery());
        }
        // Digests of equal length make the comparison constant-time whatever the lengths of the inputs.
        return given != null && MessageDigest.isEqual(expected, sha256(given));
    }

    private static @Nullable String queryToken(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
