package org.wassist.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Compares the SDK's url-connection, apache5 and CRT HTTP clients against the stand-ins: cold start (fresh JVM per
 * run, median of {@value #COLD_RUNS}, with default and with Lambda-like JVM flags) and warm latency (p50/p99 of
 * {@value #ITERATIONS} iterations after {@value #WARMUP} of warm-up). Prints markdown tables; see
 * docs/benchmarks.md for how to run it.
 */
public final class HttpClientBenchmark {
    static final int COLD_RUNS = 5;
    static final int WARMUP = 1_000;
    static final int ITERATIONS = 2_000;
    private static final List<String> BASE_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xshare:auto");
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private HttpClientBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("cold")) {
            ColdStart.child(args);
            return;
        }
        try (ElasticMq sqs = ElasticMq.start();
                Dynalite ddb = Dynalite.inMemory();
                S3Proxy s3 = S3Proxy.inMemory()) {
            List<String> endpoints = List.of(
                    sqs.endpoint().toString(),
                    sqs.inboundQueueUrl(),
                    ddb.endpoint().toString(),
                    s3.endpoint().toString());
            try (var c = HttpKind.Clients.build(HttpKind.APACHE5, sqs.endpoint(), ddb.endpoint(), s3.endpoint())) {
                c.s3().putObject(
                                b -> b.bucket(S3Proxy.MEDIA_BUCKET).key(ColdStart.OBJECT_KEY),
                                RequestBody.fromBytes(new byte[3_800]));
            }
            machine();
            cold("default JVM flags", BASE_FLAGS, endpoints);
            cold("Lambda-like flags (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)", lambdaFlags(), endpoints);
            warm(sqs, ddb, s3);
            Out.line("");
            Out.line("Load average at the end: " + Machine.loadAverage());
        }
    }

    private static List<String> lambdaFlags() {
        return Stream.concat(BASE_FLAGS.stream(), LAMBDA_FLAGS.stream()).toList();
    }

    private static void cold(String title, List<String> flags, List<String> endpoints) {
        Map<HttpKind, List<ColdStart.Run>> runs = new EnumMap<>(HttpKind.class);
        for (HttpKind kind : HttpKind.values()) {
            ColdStart.launch(flags, kind, endpoints); // discarded: warms the page cache
            runs.put(kind, new ArrayList<>());
        }
        for (int round = 0; round < COLD_RUNS; round++) {
            for (HttpKind kind : HttpKind.values()) {
                runs.computeIfAbsent(kind, k -> new ArrayList<>()).add(ColdStart.launch(flags, kind, endpoints));
            }
        }
        Out.line("");
        Out.line("### Cold start, " + title + ": ms from process launch, median of " + COLD_RUNS);
        Out.line("");
        Out.line("| client | 3 clients built | + SQS send, DDB put, S3 get done | individual runs (done) |");
        Out.line("|---|---|---|---|");
        for (HttpKind kind : HttpKind.values()) {
            List<ColdStart.Run> r = runs.getOrDefault(kind, List.of());
            double[] built = r.stream().mapToDouble(ColdStart.Run::clientsMs).toArray();
            double[] done = r.stream().mapToDouble(ColdStart.Run::doneMs).toArray();
            String each =
                    String.join(", ", r.stream().map(x -> Stats.f(x.doneMs())).toList());
            Out.line("| " + kind + " | " + Stats.f(new Stats(built).median()) + " | "
                    + Stats.f(new Stats(done).median()) + " | " + each + " |");
        }
    }

    private static void warm(ElasticMq sqs, Dynalite ddb, S3Proxy s3) {
        Out.line("");
        Out.line("### Warm latency: µs, " + ITERATIONS + " iterations after " + WARMUP + " warm-up, one thread");
        Out.line("");
        Out.line("| client | SQS send+receive+delete p50 | p99 | DDB conditional put p50 | p99 | empty receives |");
        Out.line("|---|---|---|---|---|---|");
        for (HttpKind kind : HttpKind.values()) {
            try (var c = HttpKind.Clients.build(kind, sqs.endpoint(), ddb.endpoint(), s3.endpoint())) {
                WarmLatency.Samples s = WarmLatency.measure(c, sqs.outboundQueueUrl(), WARMUP, ITERATIONS);
                Stats q = s.sqsRoundTripUs();
                Stats d = s.ddbPutUs();
                Out.line("| " + kind + " | " + Stats.f(q.median()) + " | " + Stats.f(q.percentile(99)) + " | "
                        + Stats.f(d.median()) + " | " + Stats.f(d.percentile(99)) + " | " + s.emptyReceives() + " |");
            }
        }
    }

    private static void machine() {
        Out.line("Machine: " + Machine.describe());
        Out.line("Load average at the start: " + Machine.loadAverage());
    }
}
