package org.wassist.standins;

import org.jspecify.annotations.Nullable;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;

/**
 * The stand-ins tests use: one in-memory instance of each per JVM, started on first use and shared by all tests
 * (starting ElasticMQ takes about a second). Tests that share them keep apart by unique keys, ids and message groups.
 * Everything stops when the JVM exits, or earlier with {@link #close()}.
 */
public final class StandIns {
    /** Credentials every stand-in accepts (s3proxy checks them; ElasticMQ and dynalite accept any). */
    public static final String ACCESS_KEY = S3Proxy.ACCESS_KEY;

    public static final String SECRET_KEY = S3Proxy.SECRET_KEY;
    public static final String REGION = "us-east-1";

    private static @Nullable ElasticMq sqs;
    private static @Nullable S3Proxy s3;
    private static @Nullable Dynalite dynamodb;
    private static boolean hooked;

    private StandIns() {}

    public static synchronized ElasticMq sqs() {
        ElasticMq server = sqs;
        if (server == null) {
            hookOnce();
            server = ElasticMq.start();
            sqs = server;
        }
        return server;
    }

    public static synchronized S3Proxy s3() {
        S3Proxy server = s3;
        if (server == null) {
            hookOnce();
            server = S3Proxy.inMemory();
            s3 = server;
        }
        return server;
    }

    public static synchronized Dynalite dynamodb() {
        Dynalite server = dynamodb;
        if (server == null) {
            hookOnce();
            server = Dynalite.inMemory();
            dynamodb = server;
        }
        return server;
    }

    /** Stops whatever was started; the next call of an accessor starts a fresh instance. */
    public static synchronized void close() {
        ElasticMq q = sqs;
        S3Proxy o = s3;
        Dynalite d = dynamodb;
        sqs = null;
        s3 = null;
        dynamodb = null;
        if (q != null) {
            q.close();
        }
        if (o != null) {
            o.close();
        }
        if (d != null) {
            d.close();
        }
    }

    private static void hookOnce() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(StandIns::close, "standins-stop"));
        }
    }
}
