package org.wassist.testkit.lambda;

import java.io.IOException;
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
    /**
     * The flags the managed Java runtime starts its JVM with that matter here (C1 only, Serial GC, the SnapStart hooks
     * of {@code org.crac} routed to the runtime), plus what JDK 25 needs to stay quiet as Java 21 is: the RIC loads a
     * JNI library and uses {@code sun.misc.Unsafe}.
     */
    public static final List<String> LAMBDA_JVM_FLAGS = ManagedRuntime.JVM_FLAGS;

    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final long launchedNanos;
    private final ChildOutput output;

    private LambdaProcess(Process process, long launchedNanos, ChildOutput output) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.output = output;
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
        return output.stdout();
    }

    public List<String> stderr() {
        return output.stderr();
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
        return output.tail(20);
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
            ManagedRuntime.Function fn = new ManagedRuntime.Function(functionName, handler, memoryMb, snapStart);
            Path tmp = Files.createDirectories(launchDir.resolve("tmp"));
            Path taskRoot = Files.createDirectories(launchDir.resolve("task"));
            List<Path> classpath = new ArrayList<>();
            classpath.add(functionJar);
            classpath.addAll(moreClasspath);
            ChildOutput output = ChildOutput.in(launchDir);
            ProcessBuilder pb = new ProcessBuilder(ManagedRuntime.command(fn, jvmFlags, tmp, classpath))
                    .directory(launchDir.toFile())
                    .redirectOutput(output.stdoutFile().toFile())
                    .redirectError(output.stderrFile().toFile());
            pb.environment().clear();
            pb.environment().putAll(ManagedRuntime.environment(fn, emulator.address(), emulator.region(), taskRoot));
            pb.environment().putAll(env);
            long launched = System.nanoTime();
            return new LambdaProcess(pb.start(), launched, output);
        }
    }
}
