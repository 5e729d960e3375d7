package org.wassist.standins.sqs;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.Terminated;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.standins.LoopbackPorts;
import scala.Function0;

/**
 * Embedded ElasticMQ on 127.0.0.1 with the queues of the AWS deployment: the inbound and outbound FIFO queues, each
 * with a FIFO dead-letter queue after {@value #MAX_RECEIVE_COUNT} receives, no content-based deduplication (senders
 * give explicit deduplication ids).
 *
 * <p>With a storage directory, queues and messages live in an H2 database there (ElasticMQ's {@code
 * messages-storage}), written synchronously, so messages accepted before the JVM was killed are there after a restart
 * on the same directory in a new JVM. Without one, everything is in memory. A JVM can start only one durable server
 * (see {@link #claimStore}); in-memory servers are not limited.
 *
 * <p>Pekko logs through SLF4J at WARNING: its own default is DEBUG, so this class sets the {@code pekko.loglevel}
 * system property unless the caller already did.
 *
 * <p>ElasticMQ's actors run on one thread (Pekko's default dispatcher, fixed at one thread), while its HTTP front
 * runs on a pool of its own ({@value #HTTP_DISPATCHER}). ElasticMQ 1.7.1 hands its mutable in-memory message to the
 * SQL persistence actor, which serialises it while the queue actor may still be adding a delivery receipt (a long
 * poll answered right after the send): on a multi-threaded dispatcher that race occasionally writes a null receipt,
 * the persistence actor fails, that message's row is not written, and the send waits for the 21 s ask timeout. On
 * one thread the two actors never run at once. Set before the first start, as system properties, unless the caller
 * set them already.
 */
public final class ElasticMq implements AutoCloseable {
    public static final String INBOUND = "wassist-inbound.fifo";
    public static final String INBOUND_DLQ = "wassist-inbound-dlq.fifo";
    public static final String OUTBOUND = "wassist-outbound.fifo";
    public static final String OUTBOUND_DLQ = "wassist-outbound-dlq.fifo";
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";
    private static final List<String> QUEUES = List.of(INBOUND, INBOUND_DLQ, OUTBOUND, OUTBOUND_DLQ);

    static final String STORE_NAME = "elasticmq";
    static final String HTTP_DISPATCHER = "wassist-elasticmq-http";
    private static final Logger LOG = LoggerFactory.getLogger(ElasticMq.class);
    private static final int START_ATTEMPTS = 3;

    private static @Nullable Path storeInUse;

    private final URI endpoint;
    private final Function0<Terminated> stop;
    private boolean closed;

    private ElasticMq(URI endpoint, Function0<Terminated> stop) {
        this.endpoint = endpoint;
        this.stop = stop;
    }

    /** How to run the server. */
    public record Settings(
            int port, @Nullable Path storageDir, Duration inboundVisibility, Duration outboundVisibility) {
        public static final Duration DEFAULT_INBOUND_VISIBILITY = Duration.ofSeconds(60);
        public static final Duration DEFAULT_OUTBOUND_VISIBILITY = Duration.ofMinutes(2);

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or a TCP port: " + port);
            }
            requireWholeSeconds(inboundVisibility);
            requireWholeSeconds(outboundVisibility);
        }

        /** In memory, on a free port, with the deployment's visibility timeouts. */
        public static Settings inMemory() {
            return new Settings(0, null, DEFAULT_INBOUND_VISIBILITY, DEFAULT_OUTBOUND_VISIBILITY);
        }

        /** Queues and messages kept in {@code dir} across restarts. */
        public Settings durableIn(Path dir) {
            return new Settings(port, dir, inboundVisibility, outboundVisibility);
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, storageDir, inboundVisibility, outboundVisibility);
        }

        public Settings withVisibility(Duration inbound, Duration outbound) {
            return new Settings(port, storageDir, inbound, outbound);
        }

        private static void requireWholeSeconds(Duration d) {
            if (d.isNegative() || d.toMillis() % 1000 != 0 || d.toSeconds() > 43_200) {
                throw new IllegalArgumentException("visibility timeout must be 0..43200 whole seconds: " + d);
            }
        }
    }

    public static ElasticMq start() {
        return start(Settings.inMemory());
    }

    public static ElasticMq start(Settings settings) {
        configurePekko();
        claimStore(settings.storageDir());
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = settings.port() == 0 ? LoopbackPorts.free() : settings.port();
            try {
                Function0<Terminated> stop =
                        new ElasticMQServer(new ElasticMQServerConfig(ServerConfig.config(settings, port))).start();
                LOG.debug("ElasticMQ listening on 127.0.0.1:{} durable={}", port, settings.storageDir() != null);
                return new ElasticMq(URI.create("http://127.0.0.1:" + port), stop);
            } catch (RuntimeException e) {
                last = e;
                if (settings.port() != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("ElasticMQ did not start", last);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The queue URL of one of this server's queues, as SQS clients address it. */
    public String queueUrl(String queueName) {
        if (!QUEUES.contains(queueName)) {
            throw new IllegalArgumentException("no such queue on the stand-in: " + queueName);
        }
        return endpoint + "/" + ACCOUNT_ID + "/" + queueName;
    }

    /** The URLs of all four queues. */
    public List<String> queueUrls() {
        return QUEUES.stream().map(this::queueUrl).toList();
    }

    public String inboundQueueUrl() {
        return queueUrl(INBOUND);
    }

    public String inboundDlqUrl() {
        return queueUrl(INBOUND_DLQ);
    }

    public String outboundQueueUrl() {
        return queueUrl(OUTBOUND);
    }

    public String outboundDlqUrl() {
        return queueUrl(OUTBOUND_DLQ);
    }

    /** Stops the server and waits for it; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop.apply();
        }
    }

    /**
     * ElasticMQ's SQL persistence keeps JVM-wide state (a ScalikeJDBC pool opened once, on the first store): a second
     * durable start in the same JVM, even on the same directory, does not persist reliably. Durable servers therefore
     * get a JVM of their own (the all-local run is one), and a restart is a new JVM.
     */
    private static synchronized void claimStore(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        Path normalized = dir.toAbsolutePath().normalize();
        if (storeInUse != null) {
            throw new IllegalStateException("ElasticMQ allows one durable start per JVM; this JVM already used "
                    + storeInUse + ", so start the server on " + normalized + " in a new JVM");
        }
        storeInUse = normalized;
    }

    /**
     * Pekko's defaults from ElasticMQ's application.conf are DEBUG, and its actors share a multi-threaded dispatcher
     * (see the class comment); system properties override both.
     */
    private static void configurePekko() {
        setIfAbsent("pekko.loglevel", "WARNING");
        setIfAbsent("pekko.stdout-loglevel", "OFF");
        setIfAbsent("pekko.log-dead-letters", "off");
        // close() stops the server; Pekko's own JVM hook would only warn when the stop runs inside a shutdown hook.
        setIfAbsent("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
        // Pekko HTTP parses every request header into its model. SigV4's Authorization header does not fit its
        // credentials grammar, so every signed request failed that parse and re-ran it with error tracing: about a
        // tenth of the stand-in's allocations. ElasticMQ reads the headers it needs by name, as raw headers.
        setIfAbsent("pekko.http.server.parsing.modeled-header-parsing", "off");
        setIfAbsent("pekko.actor.default-dispatcher.executor", "thread-pool-executor");
        setIfAbsent("pekko.actor.default-dispatcher.thread-pool-executor.fixed-pool-size", "1");
        setIfAbsent("pekko.stream.materializer.dispatcher", HTTP_DISPATCHER);
        setIfAbsent(HTTP_DISPATCHER + ".type", "Dispatcher");
        setIfAbsent(HTTP_DISPATCHER + ".executor", "fork-join-executor");
        ConfigFactory.invalidateCaches();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
