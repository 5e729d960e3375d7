package org.wassist.local.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the simulator's single web page at {@code /}; everything else not routed elsewhere is 404. */
public final class SimulatorPage implements HttpHandler {
    private static final String RESOURCE = "index.html";
    private final byte[] page;

    public SimulatorPage() {
        try (InputStream in = SimulatorPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("simulator page missing from the jar");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!ex.getRequestMethod().equals("GET") || !(path.equals("/") || path.equals("/index.html"))) {
            HttpExchanges.error(ex, 404, "SIM-404", "not found");
            return;
        }
        ex.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline' 'self'");
        HttpExchanges.send(ex, 200, "text/html; charset=utf-8", page);
    }
}
