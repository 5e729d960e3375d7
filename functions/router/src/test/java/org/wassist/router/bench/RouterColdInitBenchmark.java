package org.wassist.router.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.router.Fixtures;
import org.wassist.router.standin.RouterStandIns;
import org.wassist.testkit.lambda.LambdaProcess;
import org.wassist.testkit.lambda.LambdaRuntimeEmulator;

/**
 * Cold init of the packaged router: {@code target/router.jar} in a fresh JVM under AWS's runtime interface client,
 * behind the Runtime API emulator, against the stand-ins ({@link RouterStandIns}), exactly as {@code RouterRuntimeIT}
 * runs it. Per launch it measures INIT (from just before the JVM is started to the runtime's first request for an
 * invocation: handler constructed, configuration validated, SDK clients built, tokenizer loaded), then the first
 * invocation (app secret read, adapters built, the first call to each service) and a second one, each a new chat
 * message answered end to end.
 *
 * <p>Variants: the managed runtime's JVM flags; the same with SnapStart's INIT (priming included, then the restore
 * hooks; no snapshot is taken, so its first invocation approximates the first one after a restore); and, when the JDK
 * can make one, a JDK 25 AOT cache trained on one run. One discarded launch per variant, then {@value #ROUNDS} rounds
 * in which the variants take turns; medians. Prints its figures; asserts nothing about time.
 */
public final class RouterColdInitBenchmark {
    static final int ROUNDS = 5;
    static final String HANDLER = "org.wassist.router.RouterHandler::handleRequest";
    static final String FUNCTION = "wassist-router";
    private static final Duration INIT_LIMIT = Duration.ofMinutes(2);
    private static final Duration INVOKE_LIMIT = Duration.ofMinutes(1);

    /** One way to start; {@code router} false: the no-op handler, which sends no replies. */
    private record Variant(String name, Path jar, List<Path> classpath, List<String> flags, boolean snapStart) {
        boolean router() {
            return classpath.isEmpty();
        }
    }

    private record Run(double initMs, double firstMs, double secondMs) {}

    private final Path jar;
    private final List<Path> otherJars;
    private final Path work;
    private final RouterStandIns standIns;
    private int launches;

    private RouterColdInitBenchmark(Path jar, List<Path> otherJars, Path work, RouterStandIns standIns) {
        this.jar = jar;
        this.otherJars = otherJars;
        this.work = work;
        this.standIns = standIns;
    }

    /** Runs the benchmark; {@code args} are other builds of the function jar to compare (blank ones are ignored). */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("wassist.router.jar", "target/router.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no " + jar + ": run ./mvnw -B -q -pl functions/router install -Pbuild-only");
        }
        Path work = Files.createDirectories(
                Path.of(System.getProperty("java.io.tmpdir"), "router-bench-" + System.currentTimeMillis()));
        Out.line("Router cold init: " + jar.getFileName() + " (" + Files.size(jar) + " bytes) under the Lambda RIC");
        Out.line("machine: " + Machine.describe());
        Out.line("load average before: " + Machine.load());
        try (RouterStandIns standIns = RouterStandIns.start()) {
            List<Path> others = new ArrayList<>();
            for (String arg : args) {
                if (!arg.isBlank()) {
                    others.add(Path.of(arg));
                    Out.line("compared: " + arg + " (" + Files.size(Path.of(arg)) + " bytes)");
                }
            }
            new RouterColdInitBenchmark(jar, others, work, standIns).run();
        }
        Out.line("load average after: " + Machine.load());
    }

    private void run() throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("Lambda flags", jar, List.of(), List.of(), false),
                new Variant("Lambda flags, SnapStart INIT", jar, List.of(), List.of(), true),
                noOpHandler()));
        Path aot = trainAotCache();
        if (aot != null) {
            variants.add(
                    new Variant("Lambda flags + AOT cache", jar, List.of(), List.of("-XX:AOTCache=" + aot), false));
        }
        for (Path other : otherJars) {
            variants.add(new Variant("Lambda flags, " + other.getFileName(), other, List.of(), List.of(), false));
        }
        Map<Variant, List<Run>> runs = new LinkedHashMap<>();
        for (Variant v : variants) {
            launch(v);
            runs.put(v, new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Variant v : variants) {
                runs.computeIfAbsent(v, k -> new ArrayList<>()).add(launch(v));
            }
        }
        report(runs);
    }

    /**
     * A no-op SQS handler from the test classes, with the events jar and joda-time (the runtime's event mapping loads
     * it): the floor under the router's figures.
     */
    private static Variant noOpHandler() {
        return new Variant(
                "no-op handler (JVM + RIC + SQS event mapping)",
                codeSource(NoOpHandler.class),
                List.of(
                        codeSource(com.amazonaws.services.lambda.runtime.events.SQSEvent.class),
                        codeSource(org.joda.time.DateTime.class)),
                List.of(),
                false);
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One launch: INIT, then two new chat messages answered end to end. */
    private Run launch(Variant v) throws IOException, InterruptedException {
        int n = ++launches;
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start(FUNCTION, Duration.ofMinutes(2));
                LambdaProcess fn = LambdaProcess.builder(
                                v.jar(),
                                v.router() ? HANDLER : NoOpHandler.class.getName(),
                                work.resolve("launch-" + n))
                        .classpath(v.classpath())
                        .functionName(FUNCTION)
                        .env(standIns.lambdaEnvironment())
                        .jvmFlags(v.flags())
                        .snapStart(v.snapStart())
                        .start(emulator)) {
            Duration init = fn.awaitInit(emulator, INIT_LIMIT);
            LambdaRuntimeEmulator.Invocation first = answered(fn, emulator, n, 1);
            LambdaRuntimeEmulator.Invocation second = answered(fn, emulator, n, 2);
            int replies =
                    v.router() ? standIns.takeReplies(2, Duration.ofSeconds(20)).size() : 2;
            if (replies != 2) {
                throw new IllegalStateException("launch " + n + " sent " + replies + " replies instead of 2");
            }
            return new Run(ms(init), ms(first.duration()), ms(second.duration()));
        }
    }

    private static LambdaRuntimeEmulator.Invocation answered(
            LambdaProcess fn, LambdaRuntimeEmulator emulator, int launch, int message) throws InterruptedException {
        String phone = String.format(Locale.ROOT, "4915200%06d", launch);
        String id = String.format(Locale.ROOT, "3EB0BENCH%06d%08d", launch, message);
        LambdaRuntimeEmulator.Invocation result = fn.invoke(
                emulator, Fixtures.textEventJson(phone, id, "!gpt benchmark question " + message), INVOKE_LIMIT);
        if (result.status() != LambdaRuntimeEmulator.Status.RESPONSE
                || !result.body().contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("launch " + launch + " message " + message + " failed: " + result.body());
        }
        return result;
    }

    /**
     * Trains a JDK 25 AOT cache (JEP 514: {@code -XX:AOTCacheOutput}) on one launch that answers two messages; the
     * JVM writes the cache when it exits. Null (with a note) when the JDK cannot.
     */
    private @Nullable Path trainAotCache() throws IOException, InterruptedException {
        Path aot = work.resolve("router.aot");
        int n = ++launches;
        Path dir = work.resolve("launch-" + n + "-aot-training");
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start(FUNCTION, Duration.ofMinutes(2))) {
            LambdaProcess fn = LambdaProcess.builder(jar, HANDLER, dir)
                    .functionName(FUNCTION)
                    .env(standIns.lambdaEnvironment())
                    .jvmFlags(List.of("-XX:AOTCacheOutput=" + aot))
                    .start(emulator);
            try {
                fn.awaitInit(emulator, INIT_LIMIT);
                answered(fn, emulator, n, 1);
                answered(fn, emulator, n, 2);
                standIns.takeReplies(2, Duration.ofSeconds(20));
            } finally {
                fn.stop(Duration.ofMinutes(2));
            }
            if (!Files.isRegularFile(aot)) {
                Out.line(
                        "note: no AOT cache was written (see " + dir.resolve("stderr.log") + "); that row is left out");
                return null;
            }
            Out.line("AOT cache: " + Files.size(aot) + " bytes, trained on one launch answering two messages");
            return aot;
        }
    }

    private static void report(Map<Variant, List<Run>> runs) {
        Out.line("");
        Out.line(
                "median of " + ROUNDS + " launches, ms | INIT (launch -> first /next) | 1st invocation | 2nd invocation"
                        + " | INIT + 1st | INIT of each launch");
        for (Map.Entry<Variant, List<Run>> e : runs.entrySet()) {
            List<Run> r = e.getValue();
            double[] init = r.stream().mapToDouble(Run::initMs).toArray();
            double[] first = r.stream().mapToDouble(Run::firstMs).toArray();
            double[] second = r.stream().mapToDouble(Run::secondMs).toArray();
            double[] total =
                    r.stream().mapToDouble(x -> x.initMs() + x.firstMs()).toArray();
            List<String> each = r.stream().map(x -> f(x.initMs())).toList();
            Out.line(e.getKey().name() + " | " + f(median(init)) + " | " + f(median(first)) + " | " + f(median(second))
                    + " | " + f(median(total)) + " | " + String.join(", ", each));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
