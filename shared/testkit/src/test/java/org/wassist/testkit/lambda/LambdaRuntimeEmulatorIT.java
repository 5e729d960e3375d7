package org.wassist.testkit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator driven as the runtime interface client drives it, with a plain HTTP client. */
class LambdaRuntimeEmulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start("router", Duration.ofMinutes(2));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    @Test
    void nextHandsOutAQueuedEventWithTheRuntimeHeadersAndTheResponseCompletesIt() throws Exception {
        CompletableFuture<LambdaRuntimeEmulator.Invocation> result = emulator.submit("{\"Records\":[]}");
        long before = System.currentTimeMillis();

        HttpResponse<String> next = get(LambdaRuntimeEmulator.BASE + "/invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"Records\":[]}");
        assertThat(next.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .hasValue("arn:aws:lambda:us-east-1:000000000000:function:router");
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        assertThat(Long.parseLong(
                        next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isBetween(before + 119_000, System.currentTimeMillis() + 120_000);
        assertThat(emulator.awaitInitEnd(WAIT)).isTrue();
        assertThat(emulator.firstNextNanos()).isPositive();
        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> posted =
                post(LambdaRuntimeEmulator.BASE + "/invocation/" + id + "/response", "{\"ok\":1}");

        assertThat(posted.statusCode()).isEqualTo(202);
        LambdaRuntimeEmulator.Invocation done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.requestId()).isEqualTo(id);
        assertThat(done.status()).isEqualTo(LambdaRuntimeEmulator.Status.RESPONSE);
        assertThat(done.body()).isEqualTo("{\"ok\":1}");
        assertThat(done.errorType()).isNull();
        assertThat(done.duration()).isPositive();
    }

    @Test
    void aFunctionErrorCompletesTheInvocationWithItsType() throws Exception {
        CompletableFuture<LambdaRuntimeEmulator.Invocation> result = emulator.submit("{}");
        String id = get(LambdaRuntimeEmulator.BASE + "/invocation/next")
                .headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow();

        HttpRequest error = HttpRequest.newBuilder(uri(LambdaRuntimeEmulator.BASE + "/invocation/" + id + "/error"))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.Unhandled")
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorType\":\"java.lang.IllegalStateException\"}"))
                .build();
        assertThat(http.send(error, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);

        LambdaRuntimeEmulator.Invocation done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(LambdaRuntimeEmulator.Status.ERROR);
        assertThat(done.errorType()).isEqualTo("Runtime.Unhandled");
        assertThat(done.body()).contains("IllegalStateException");
    }

    @Test
    void anInitErrorEndsInitAsAFailure() throws Exception {
        assertThat(post(LambdaRuntimeEmulator.INIT_ERROR, "{\"errorType\":\"BadConfig\"}")
                        .statusCode())
                .isEqualTo(202);

        assertThatThrownBy(() -> emulator.awaitInitEnd(WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BadConfig");
        assertThat(emulator.firstNextNanos()).isZero();
    }

    @Test
    void initHasNotEndedBeforeTheRuntimeAsksForWork() throws Exception {
        assertThat(emulator.awaitInitEnd(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aResultForAnUnknownRequestIsRefused() throws Exception {
        assertThat(post(LambdaRuntimeEmulator.BASE + "/invocation/nope/response", "{}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void restoreRequestsAreRecorded() throws Exception {
        assertThat(get(LambdaRuntimeEmulator.RESTORE_NEXT).statusCode()).isEqualTo(200);

        assertThat(emulator.reports())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo(LambdaRuntimeEmulator.RESTORE_NEXT));
    }

    private URI uri(String path) {
        return URI.create("http://" + emulator.address() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
