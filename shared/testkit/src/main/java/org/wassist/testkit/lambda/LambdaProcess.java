package org.wassist.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A packaged Lambda function in a child JVM under AWS's runtime interface client ({@code
 * com.amazonaws:aws-lambda-java-runtime-interface-client}, which must be on the test classpath), talking to a {@link
 * LambdaRuntimeEmulator}. The child gets a Lambda-like environment (nothing is inherited from the test JVM), the
 * managed runtime's JVM flags ({@link #LAMBDA_JVM_FLAGS}) and its own temp directory; its stdout and stderr go to
 * files in the launch directory. {@link #close()} kills it.
 */
public final class LambdaProcess implements AutoCloseable {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** One class from each jar the runtime interface client needs: itself, serialization, core, utils-lite. */
    static final List<String> RIC_JAR_CLASSES = List.of(
            RIC_MAIN,
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "com.amazonaws.services.lambda.runtime.Context",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    /**
     * The flags the managed Java runtime starts its JVM with that matter here (C1 only, Serial GC, the SnapStart hooks
     * of {@code org.crac} routed to the runtime), plus what JDK 25 needs to stay quiet as Java 21 is: the RIC loads a
     * JNI library and uses {@code sun.misc.Unsafe}.
     */
    public static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Djava.net.preferIPv4Stack=true",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final long launchedNanos;
    private final Path stdout;
    private final Path stderr;

    private LambdaProcess(Process process, long launchedNanos, Path stdout, Path stderr) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * How to launch a function.
     *
     * @param functionJar the deployment package, put on the classpath after the runtime's jars
     * @param handler as in the function configuration, e.g. {@code org.example.Handler::handleRequest}
     * @param launchDir where the child's temp directory and output files go; created if missing
     */
    public static Builder builder(Path functionJar, String handler, Path launchDir) {
        return new Builder(functionJar, handler, launchDir);
    }

    /** {@link System#nanoTime()} just before the JVM was started. */
    public long launchedNanos() {
        return launchedNanos;
    }

    /**
     * Waits for the end of INIT: the runtime's first request for an invocation.
     *
     * @return the time from launch to that request
     */
    public Duration awaitInit(LambdaRuntimeEmulator emulator, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!emulator.awaitInitEnd(POLL)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the function's JVM exited during INIT (status " + process.exitValue() + "): " + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("INIT did not end within " + timeout + ": " + tail());
            }
        }
        return Duration.ofNanos(emulator.firstNextNanos() - launchedNanos);
    }

    /** Sends one event and waits for its result while the JVM lives. */
    public LambdaRuntimeEmulator.Invocation invoke(LambdaRuntimeEmulator emulator, String event, Duration timeout)
            throws InterruptedException {
        CompletableFuture<LambdaRuntimeEmulator.Invocation> result = emulator.submit(event);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "no result within " + timeout + " (JVM alive: " + process.isAlive() + "): " + tail());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("invocation failed", e.getCause());
            }
        }
    }

    /** Everything the function wrote to stdout so far, line by line. */
    public List<String> stdout() {
        return lines(stdout);
    }

    public List<String> stderr() {
        return lines(stderr);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the JVM as Lambda does when it retires an environment (SIGTERM, so shutdown hooks run), killing it if it
     * is still alive after {@code grace}.
     *
     * @return the exit status, or -1 if it had to be killed
     */
    public int stop(Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** {@link #stop} with 10 s of grace. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private String tail() {
        List<String> out = stdout();
        List<String> err = stderr();
        return "stdout " + out.subList(Math.max(0, out.size() - 20), out.size()) + ", stderr "
                + err.subList(Math.max(0, err.size() - 20), err.size());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars of the runtime interface client, located through the test classpath. */
    static List<Path> runtimeJars() {
        List<Path> jars = new ArrayList<>();
        for (String name : RIC_JAR_CLASSES) {
            try {
                Class<?> c = Class.forName(name, false, LambdaProcess.class.getClassLoader());
                Path jar = Path.of(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!jars.contains(jar)) {
                    jars.add(jar);
                }
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                throw new IllegalStateException(
                        "cannot locate " + name + " on the test classpath: add"
                                + " com.amazonaws:aws-lambda-java-runtime-interface-client in test scope",
                        e);
            }
        }
        return jars;
    }

    /** How to launch the function. */
    public static final class Builder {
        private final Path functionJar;
        private final String handler;
        private final Path launchDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmFlags = new ArrayList<>(LAMBDA_JVM_FLAGS);
        private final List<Path> moreClasspath = new ArrayList<>();
        private String functionName = "function";
        private int memoryMb = 1024;
        private boolean snapStart;

        private Builder(Path functionJar, String handler, Path launchDir) {
            this.functionJar = functionJar;
            this.handler = handler;
            this.launchDir = launchDir;
        }

        public Builder functionName(String name) {
            this.functionName = name;
            return this;
        }

        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        /** The function's configured environment variables (queue URLs, table names, endpoints of stand-ins). */
        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** Extra JVM flags after {@link #LAMBDA_JVM_FLAGS} (as {@code JAVA_TOOL_OPTIONS} would add them). */
        public Builder jvmFlags(List<String> flags) {
            jvmFlags.addAll(flags);
            return this;
        }

        /** Jars or directories put on the classpath after the function jar (for a function not yet packaged). */
        public Builder classpath(List<Path> entries) {
            moreClasspath.addAll(entries);
            return this;
        }

        /**
         * Starts as a SnapStart version is initialised: {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, so the
         * runtime runs the {@code beforeCheckpoint} hooks after INIT, asks for {@code restore/next}, then runs the
         * {@code afterRestore} hooks (no snapshot is taken locally).
         */
        public Builder snapStart(boolean on) {
            this.snapStart = on;
            return this;
        }

        public LambdaProcess start(LambdaRuntimeEmulator emulator) throws IOException {
            Path tmp = Files.createDirectories(launchDir.resolve("tmp"));
            Path taskRoot = Files.createDirectories(launchDir.resolve("task"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.add("-Djava.io.tmpdir=" + tmp);
            List<String> classpath = new ArrayList<>();
            runtimeJars().forEach(p -> classpath.add(p.toString()));
            classpath.add(functionJar.toAbsolutePath().toString());
            moreClasspath.forEach(p -> classpath.add(p.toAbsolutePath().toString()));
            command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath), RIC_MAIN, handler));
            Path out = launchDir.resolve("stdout.log");
            Path err = launchDir.resolve("stderr.log");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(launchDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(lambdaEnvironment(emulator, taskRoot));
            pb.environment().putAll(env);
            long launched = System.nanoTime();
            return new LambdaProcess(pb.start(), launched, out, err);
        }

        private Map<String, String> lambdaEnvironment(LambdaRuntimeEmulator emulator, Path taskRoot) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
            e.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
            e.put("AWS_LAMBDA_FUNCTION_VERSION", snapStart ? "1" : "$LATEST");
            e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
            e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
            e.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            e.put("AWS_LAMBDA_INITIALIZATION_TYPE", snapStart ? "snap-start" : "on-demand");
            e.put("AWS_REGION", emulator.region());
            e.put("AWS_DEFAULT_REGION", emulator.region());
            e.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
            e.put("_HANDLER", handler);
            e.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            e.put("TZ", ":UTC");
            e.put("LANG", "en_US.UTF-8");
            return e;
        }
    }
}
