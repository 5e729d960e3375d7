package org.wassist.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.postgres.PrivatePostgres;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;

/**
 * The AWS pieces of the local run, each a real server on loopback keeping its state under the data directory:
 * PostgreSQL ({@code pg/}), ElasticMQ ({@code sqs/}), dynalite ({@code dynamodb/}) and s3proxy ({@code s3/}).
 * A kill -9 of the run loses nothing they accepted.
 */
final class LocalStandIns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStandIns.class);
    static final String DATABASE = "wassist";

    final PrivatePostgres postgres;
    final ElasticMq sqs;
    final Dynalite dynamodb;
    final S3Proxy s3;
    private final Deque<AutoCloseable> started;

    private LocalStandIns(
            PrivatePostgres postgres, ElasticMq sqs, Dynalite dynamodb, S3Proxy s3, Deque<AutoCloseable> started) {
        this.postgres = postgres;
        this.sqs = sqs;
        this.dynamodb = dynamodb;
        this.s3 = s3;
        this.started = started;
    }

    /**
     * Starts every stand-in on its directory under {@code dataDir}.
     *
     * @param inboundVisibility the inbound queue's visibility timeout (whole seconds)
     */
    static LocalStandIns start(Path dataDir, Duration inboundVisibility) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            PrivatePostgres pg = push(started, PrivatePostgres.start(dataDir.resolve("pg"), 0, DATABASE));
            ElasticMq.Settings queues = ElasticMq.Settings.inMemory()
                    .withVisibility(inboundVisibility, ElasticMq.Settings.DEFAULT_OUTBOUND_VISIBILITY)
                    .durableIn(dataDir.resolve("sqs"));
            ElasticMq sqs = push(started, ElasticMq.start(queues));
            Dynalite ddb = push(started, Dynalite.start(dataDir.resolve("dynamodb"), 0));
            S3Proxy s3 = push(started, S3Proxy.durable(dataDir.resolve("s3"), 0));
            LOG.info("stand-ins started postgresPort={}", pg.port());
            return new LocalStandIns(pg, sqs, ddb, s3, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    URI sqsEndpoint() {
        return sqs.endpoint();
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn(
                        "stand-in did not stop cleanly type={} cause={}",
                        c.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
