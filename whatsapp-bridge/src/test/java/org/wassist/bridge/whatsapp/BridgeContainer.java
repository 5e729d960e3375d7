package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One run of the bridge image under podman, for {@link ContainerCheck}: configured only through its environment, as
 * the ECS task is, in its own network namespace (slirp4netns; the host's loopback, where the stand-ins and the
 * imitation page listen, appears as {@link #HOST}), with port 8080 published on a free loopback port of the host and
 * every Linux capability dropped.
 */
final class BridgeContainer implements AutoCloseable {
    /** The host's loopback as slirp4netns shows it inside the container. */
    static final String HOST = "10.0.2.2";
    /** ECS's stop timeout (infra BridgeTask): SIGTERM, then SIGKILL after this many seconds. */
    static final int STOP_TIMEOUT_SECONDS = 60;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final int port;

    private BridgeContainer(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** {@code podman run -d} of the image; {@code extra} are further run options (mounts, --read-only). */
    static BridgeContainer start(String image, String name, Map<String, String> env, List<String> extra) {
        remove(name);
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "run",
                "-d",
                "--name",
                name,
                "--network",
                "slirp4netns:allow_host_loopback=true",
                "--publish",
                "127.0.0.1:" + port + ":8080",
                "--cap-drop=ALL",
                "--stop-timeout",
                Integer.toString(STOP_TIMEOUT_SECONDS),
                // The image's HEALTHCHECK runs on demand (podman healthcheck run); no timer, which needs systemd.
                "--health-interval=disable"));
        env.forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        args.addAll(extra);
        args.add(image);
        podman(args).orThrow();
        return new BridgeContainer(name, port);
    }

    /** What a podman command printed (stdout and stderr together) and its exit code. */
    record Result(int exit, String output) {
        Result orThrow() {
            if (exit != 0) {
                throw new IllegalStateException("podman failed (" + exit + "): " + output.strip());
            }
            return this;
        }
    }

    static Result podman(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("wassist.podman", "podman"));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(STOP_TIMEOUT_SECONDS + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("podman did not finish: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result podman(String... args) {
        return podman(List.of(args));
    }

    /** Removes a container of that name with its anonymous volumes, if there is one. */
    static void remove(String name) {
        podman("rm", "--force", "--volumes", "--time", "0", name);
    }

    Result exec(String... command) {
        List<String> args = new ArrayList<>(List.of("exec", name));
        args.addAll(List.of(command));
        return podman(args);
    }

    String inspect(String format) {
        return podman("inspect", "--format", format, name).orThrow().output().strip();
    }

    /** The host's process id of the container's PID 1. */
    long pid() {
        return Long.parseLong(inspect("{{.State.Pid}}"));
    }

    boolean running() {
        return inspect("{{.State.Running}}").equals("true");
    }

    String logs() {
        return podman("logs", name).output();
    }

    /** Runs the image's HEALTHCHECK command once; 0 when it passed. */
    int healthcheck() {
        return podman("healthcheck", "run", name).exit();
    }

    /** {@code podman stop}: SIGTERM, SIGKILL after the stop timeout; returns the container's exit code. */
    int stop() {
        podman("stop", "--time", Integer.toString(STOP_TIMEOUT_SECONDS), name).orThrow();
        return Integer.parseInt(inspect("{{.State.ExitCode}}"));
    }

    /** The paths added (A), changed (C) or deleted (D) in the container's root filesystem, volumes excluded. */
    List<String> diff() {
        return podman("diff", name).orThrow().output().lines().toList();
    }

    /** GET on the published port: status code, or -1 when nothing answers. */
    int status(String path) {
        HttpResponse<String> r = get(path);
        return r == null ? -1 : r.statusCode();
    }

    String body(String path) {
        HttpResponse<String> r = get(path);
        return r == null ? "" : r.body();
    }

    private @Nullable HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        remove(name);
    }
}
