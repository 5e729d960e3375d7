package org.wassist.standins.openai;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FakeOpenAi} answers to one request: a reply (fixed text, or the echo of the request when {@code text} is
 * null), or an HTTP error with an OpenAI-style error body, optionally with extra headers and after a delay.
 *
 * @param status HTTP status; 2xx means a chat completion, anything else an error
 * @param text the reply text; null means "echo the request" (see {@link FakeOpenAi})
 * @param errorCode the {@code error.code} of an error body
 * @param errorMessage the {@code error.message} of an error body (real providers may quote keys or user text here)
 * @param errorParam the {@code error.param} of an error body: the request field at fault
 * @param headers extra response headers, e.g. {@code retry-after}
 * @param delay how long the server waits before answering
 */
public record FakeResponse(
        int status,
        @Nullable String text,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        @Nullable String errorParam,
        Map<String, String> headers,
        Duration delay) {

    public FakeResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        headers = Map.copyOf(headers);
    }

    /** A chat completion whose text echoes the request. */
    public static FakeResponse echo() {
        return new FakeResponse(200, null, null, null, null, Map.of(), Duration.ZERO);
    }

    /** A chat completion with this text. */
    public static FakeResponse reply(String text) {
        return new FakeResponse(200, text, null, null, null, Map.of(), Duration.ZERO);
    }

    /** An error with an OpenAI-style body; the error code is derived from the status. */
    public static FakeResponse error(int status, String message) {
        if (status < 400) {
            throw new IllegalArgumentException("an error needs a 4xx or 5xx status, not " + status);
        }
        return new FakeResponse(status, null, codeFor(status), message, null, Map.of(), Duration.ZERO);
    }

    /** 401 as OpenAI sends it for a wrong key. */
    public static FakeResponse unauthorized() {
        return error(401, "Incorrect API key provided.");
    }

    /** 429 as OpenAI sends it when a key's rate limit is reached. */
    public static FakeResponse rateLimited() {
        return error(429, "Rate limit reached for requests.");
    }

    /** 503 as a briefly overloaded server sends it. */
    public static FakeResponse unavailable() {
        return error(503, "The server is overloaded. Please try again later.");
    }

    public FakeResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(Locale.ROOT), value);
        return new FakeResponse(status, text, errorCode, errorMessage, errorParam, h, delay);
    }

    /**
     * Adds {@code retry-after} (whole seconds, rounded up) and {@code retry-after-ms}. Note that OkHttp (under
     * openai-java) itself repeats a 503 once when {@code retry-after} is 0; for an immediate SDK retry without that,
     * set only {@code retry-after-ms: 0} with {@link #withHeader}.
     */
    public FakeResponse retryAfter(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return withHeader("retry-after", Long.toString(seconds))
                .withHeader("retry-after-ms", Long.toString(wait.toMillis()));
    }

    public FakeResponse withErrorCode(String code) {
        return new FakeResponse(status, text, code, errorMessage, errorParam, headers, delay);
    }

    /** Names the request field at fault, as OpenAI does for e.g. an unsupported parameter. */
    public FakeResponse withErrorParam(String param) {
        return new FakeResponse(status, text, errorCode, errorMessage, param, headers, delay);
    }

    public FakeResponse delayed(Duration wait) {
        return new FakeResponse(status, text, errorCode, errorMessage, errorParam, headers, wait);
    }

    boolean isError() {
        return status >= 300;
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 403 -> "permission_denied";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
