package org.wassist.standins.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.standins.Await;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class ElasticMqIT {
    @TempDir
    Path dir;

    @Test
    void createsTheDeploymentQueues() {
        try (ElasticMq mq = ElasticMq.start();
                SqsClient sqs = client(mq.endpoint())) {
            Map<QueueAttributeName, String> in = attributes(sqs, mq.inboundQueueUrl());
            assertThat(in)
                    .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                    .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")
                    .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");
            assertThat(in.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains("\"maxReceiveCount\":5")
                    .contains(ElasticMq.INBOUND_DLQ);
            Map<QueueAttributeName, String> out = attributes(sqs, mq.outboundQueueUrl());
            assertThat(out).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120");
            assertThat(out.get(QueueAttributeName.REDRIVE_POLICY)).contains(ElasticMq.OUTBOUND_DLQ);
            assertThat(attributes(sqs, mq.outboundDlqUrl())).containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
            assertThat(attributes(sqs, mq.inboundDlqUrl())).containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
        }
    }

    @Test
    void visibilityTimeoutsAreParameters() {
        var settings = ElasticMq.Settings.inMemory().withVisibility(Duration.ofSeconds(7), Duration.ofSeconds(3));
        try (ElasticMq mq = ElasticMq.start(settings);
                SqsClient sqs = client(mq.endpoint())) {
            assertThat(attributes(sqs, mq.inboundQueueUrl())).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "7");
            assertThat(attributes(sqs, mq.outboundQueueUrl()))
                    .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "3");
        }
    }

    @Test
    void deduplicationIdsAreRequiredBecauseContentBasedDeduplicationIsOff() {
        try (ElasticMq mq = ElasticMq.start();
                SqsClient sqs = client(mq.endpoint())) {
            assertThatThrownBy(() -> sqs.sendMessage(b ->
                            b.queueUrl(mq.inboundQueueUrl()).messageGroupId("g").messageBody("x")))
                    .isInstanceOf(SqsException.class);
        }
    }

    @Test
    void durableMessagesSurviveAStopAndRestart() throws Exception {
        Path store = dir.resolve("store");
        Child first = Child.start(store, dir.resolve("first"));
        try (SqsClient sqs = client(first.endpoint())) {
            send(sqs, first.queueUrl(ElasticMq.OUTBOUND), "one", "two");
        }
        first.stop();

        Child second = Child.start(store, dir.resolve("second"));
        try (SqsClient sqs = client(second.endpoint())) {
            assertThat(receiveAll(sqs, second.queueUrl(ElasticMq.OUTBOUND))).containsExactly("one", "two");
            assertThat(attributes(sqs, second.queueUrl(ElasticMq.OUTBOUND)).get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(ElasticMq.OUTBOUND_DLQ);
        } finally {
            second.sigkill();
        }
    }

    @Test
    void aJvmStartsAtMostOneDurableServer() {
        try (ElasticMq mq = ElasticMq.start(ElasticMq.Settings.inMemory().durableIn(dir.resolve("once")))) {
            assertThat(mq.endpoint()).isNotNull();
        }
        assertThatThrownBy(() -> ElasticMq.start(ElasticMq.Settings.inMemory().durableIn(dir.resolve("once"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one durable start per JVM");
    }

    @Test
    void durableMessagesSurviveSigkillOfTheJvm() throws Exception {
        Path store = dir.resolve("store");
        Child first = Child.start(store, dir.resolve("first"));
        try (SqsClient sqs = client(first.endpoint())) {
            send(sqs, first.queueUrl(ElasticMq.INBOUND), "accepted-1", "accepted-2", "accepted-3");
        }
        assertThat(first.sigkill()).isEqualTo(137);

        Child second = Child.start(store, dir.resolve("second"));
        try (SqsClient sqs = client(second.endpoint())) {
            assertThat(receiveAll(sqs, second.queueUrl(ElasticMq.INBOUND)))
                    .containsExactly("accepted-1", "accepted-2", "accepted-3");
        } finally {
            second.sigkill();
        }
    }

    /** The guard against ElasticMQ's persistence race (see {@link ElasticMq}): every actor on one thread. */
    @Test
    void actorsRunOnOneThreadAndHttpOnItsOwnPool() throws Exception {
        try (ElasticMq mq = ElasticMq.start();
                SqsClient sqs = client(mq.endpoint())) {
            String url = mq.outboundQueueUrl();
            Thread poller = Thread.ofVirtual().start(() -> receiveAll(sqs, url));
            send(sqs, url, "a", "b", "c");
            poller.join();
            receiveAll(sqs, url);

            Await.until(() -> threadsNamed("elasticmq-pekko.actor.default-dispatcher-") == 1, Duration.ofSeconds(10));
            assertThat(threadsNamed("elasticmq-pekko.actor.default-dispatcher-"))
                    .isEqualTo(1);
            assertThat(threadsNamed("elasticmq-" + ElasticMq.HTTP_DISPATCHER + "-"))
                    .isPositive();
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }

    @Test
    void rejectsUnknownQueueNames() {
        try (ElasticMq mq = ElasticMq.start()) {
            assertThatThrownBy(() -> mq.queueUrl("other.fifo")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void send(SqsClient sqs, String url, String... bodies) {
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(url)
                    .messageGroupId("chat")
                    .messageDeduplicationId(body)
                    .messageBody(body));
        }
    }

    private static List<String> receiveAll(SqsClient sqs, String url) {
        List<String> bodies = new ArrayList<>();
        for (Message m : sqs.receiveMessage(
                        b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            bodies.add(m.body());
        }
        return bodies;
    }

    private static Map<QueueAttributeName, String> attributes(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    static SqsClient client(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    /** A durable ElasticMQ in a JVM of its own (see {@link ElasticMqChild}). */
    private record Child(Process process, URI endpoint) {
        static Child start(Path store, Path work) throws Exception {
            Files.createDirectories(work);
            Path ready = work.resolve("ready");
            Path log = work.resolve("child.log");
            Process process = new ProcessBuilder(
                            javaBinary(),
                            "--sun-misc-unsafe-memory-access=allow",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ElasticMqChild.class.getName(),
                            store.toString(),
                            ready.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean up = Await.until(() -> Files.exists(ready) || !process.isAlive(), Duration.ofSeconds(60));
            if (!up || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("ElasticMQ child did not start: " + Files.readString(log));
            }
            return new Child(process, URI.create(Files.readString(ready)));
        }

        String queueUrl(String name) {
            return endpoint + "/" + ElasticMq.ACCOUNT_ID + "/" + name;
        }

        /** SIGKILL: no shutdown hooks, no flush. Returns the exit status. */
        int sigkill() throws InterruptedException {
            process.destroyForcibly();
            return awaitExit();
        }

        /** SIGTERM: an orderly JVM exit. */
        void stop() throws InterruptedException {
            process.destroy();
            awaitExit();
        }

        private int awaitExit() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("child JVM did not exit");
            }
            return process.exitValue();
        }

        private static String javaBinary() {
            return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        }
    }
}
