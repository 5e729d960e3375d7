package org.wassist.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.s3.S3Proxy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold start in a fresh JVM: build SQS, DynamoDB and S3 clients on one HTTP client and make one call each (FIFO
 * SendMessage, conditional PutItem, GetObject). The child prints {@code System.nanoTime()} at each milestone; on Linux
 * that is CLOCK_MONOTONIC, shared by all processes, so the parent measures from just before it launched the JVM.
 */
final class ColdStart {
    static final String OBJECT_KEY = "bench/cold-start.bin";

    private ColdStart() {}

    /** Milliseconds from launch to: clients built, all three calls done. */
    record Run(double clientsMs, double doneMs) {}

    /** The child: args = kind, sqs endpoint, inbound queue url, ddb endpoint, s3 endpoint. */
    static void child(String[] args) {
        HttpKind kind = HttpKind.valueOf(args[1]);
        try (HttpKind.Clients c =
                HttpKind.Clients.build(kind, URI.create(args[2]), URI.create(args[4]), URI.create(args[5]))) {
            long built = System.nanoTime();
            String id = UUID.randomUUID().toString();
            c.sqs()
                    .sendMessage(b -> b.queueUrl(args[3])
                            .messageGroupId("cold")
                            .messageDeduplicationId(id)
                            .messageBody("{\"cold\":true}"));
            c.ddb()
                    .putItem(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)
                            .item(Map.of(
                                    "pk", AttributeValue.fromS("cold:" + id), "status", AttributeValue.fromS("DONE")))
                            .conditionExpression("attribute_not_exists(pk)"));
            c.s3().getObjectAsBytes(b -> b.bucket(S3Proxy.MEDIA_BUCKET).key(OBJECT_KEY));
            long done = System.nanoTime();
            Out.line("MILESTONES " + built + " " + done);
        }
    }

    /** Launches one child JVM and returns its milestones relative to the launch. */
    static Run launch(List<String> jvmFlags, HttpKind kind, List<String> endpoints) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HttpClientBenchmark.class.getName()));
        command.add("cold");
        command.add(kind.name());
        command.addAll(endpoints);
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String milestones = null;
            List<String> other = new ArrayList<>();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("MILESTONES ")) {
                        milestones = line;
                    } else {
                        other.add(line);
                    }
                }
            }
            int status = p.waitFor();
            if (status != 0 || milestones == null) {
                throw new IllegalStateException("cold-start child failed (" + status + "): " + other);
            }
            String[] parts = milestones.substring("MILESTONES ".length()).split(" ", -1);
            return new Run(ms(Long.parseLong(parts[0]) - start), ms(Long.parseLong(parts[1]) - start));
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch the cold-start child", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
