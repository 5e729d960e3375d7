package org.wassist.openai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;

/**
 * A readiness check: {@code GET {baseUrl}/models} with each configured key, a short explicit timeout and no retries.
 * The result's detail is for operators and never contains a key, provider text or the URL's user info.
 */
public final class OpenAiModelProbe {
    /** Long enough for a slow TLS handshake, short enough for a health check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public enum Status {
        /** The server answered and accepted every key. */
        REACHABLE,
        /** No answer (connection refused, DNS, timeout) or a server error. */
        UNREACHABLE,
        /** The server answered 401 or 403 to a key. */
        KEY_REJECTED,
        /** No key is configured. */
        NO_KEY
    }

    /** What the probe found, with a human-readable, secret-free explanation. */
    public record Result(Status status, String detail) {
        public boolean ready() {
            return status == Status.REACHABLE;
        }
    }

    private final AppConfig.Model config;
    private final Duration timeout;

    public OpenAiModelProbe(AppConfig.Model config) {
        this(config, DEFAULT_TIMEOUT);
    }

    public OpenAiModelProbe(AppConfig.Model config, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive");
        }
        this.config = config;
        this.timeout = timeout;
    }

    public Result check() {
        List<Secret> keys = config.apiKeys();
        String server = OpenAiChatModel.server(config.baseUrl());
        if (keys.isEmpty()) {
            return new Result(Status.NO_KEY, "no model API key configured: set OPENAI_API_KEY or OPENAI_API_KEYS");
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            int status = 0;
            for (int i = 0; i < keys.size(); i++) {
                String which = "key " + (i + 1) + " of " + keys.size();
                status = status(http, keys.get(i));
                if (status == 401 || status == 403) {
                    return new Result(Status.KEY_REJECTED, server + " rejected " + which + " (HTTP " + status + ")");
                }
                if (status >= 500) {
                    return new Result(Status.UNREACHABLE, server + " answered HTTP " + status + " (server error)");
                }
            }
            String note = status / 100 == 2 ? "" : " (HTTP " + status + " on /models; some compatible servers lack it)";
            return new Result(Status.REACHABLE, server + " answered and accepted " + keys.size() + " key(s)" + note);
        } catch (IOException e) {
            return new Result(
                    Status.UNREACHABLE,
                    "could not reach " + server + " within " + timeout.toMillis() + " ms (" + SdkFailures.chain(e)
                            + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Status.UNREACHABLE, "probe of " + server + " was interrupted");
        }
    }

    private int status(HttpClient http, Secret key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(modelsUrl())
                .timeout(timeout)
                .header("Authorization", "Bearer " + key.reveal())
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI modelsUrl() {
        String base = config.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "models");
    }
}
