package org.wassist.standins.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.wassist.standins.sqs.ElasticMq.Settings;

/** ElasticMQ's server configuration: loopback binding, the deployment's queues, optional H2 persistence. */
final class ServerConfig {
    private ServerConfig() {}

    static Config config(Settings s, int port) {
        String hocon = String.join(
                "\n",
                "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
                "rest-sqs { enabled = true, bind-port = " + port
                        + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
                "generate-node-address = false",
                "queues-storage { enabled = false }",
                "aws { region = \"" + ElasticMq.REGION + "\", accountId = \"" + ElasticMq.ACCOUNT_ID + "\" }",
                "queues {",
                queue(ElasticMq.INBOUND_DLQ, null, null),
                queue(ElasticMq.INBOUND, s.inboundVisibility(), ElasticMq.INBOUND_DLQ),
                queue(ElasticMq.OUTBOUND_DLQ, null, null),
                queue(ElasticMq.OUTBOUND, s.outboundVisibility(), ElasticMq.OUTBOUND_DLQ),
                "}");
        Config config = ConfigFactory.parseString(hocon);
        Path dir = s.storageDir();
        if (dir != null) {
            String uri = jdbcUri(dir);
            config = config.withValue("messages-storage.enabled", ConfigValueFactory.fromAnyRef(true))
                    .withValue("messages-storage.uri", ConfigValueFactory.fromAnyRef(uri));
        }
        return config.withFallback(ConfigFactory.load()).resolve();
    }

    /** WRITE_DELAY=0: H2 writes each commit through at once instead of up to 500 ms later. */
    static String jdbcUri(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(ElasticMq.STORE_NAME) + ";WRITE_DELAY=0";
    }

    private static String queue(String name, @Nullable Duration visibility, @Nullable String dlq) {
        StringBuilder q = new StringBuilder("  \"" + name + "\" { fifo = true, contentBasedDeduplication = false");
        if (visibility != null) {
            q.append(", defaultVisibilityTimeout = ")
                    .append(visibility.toSeconds())
                    .append(" seconds");
        }
        if (dlq != null) {
            q.append(", deadLettersQueue { name = \"")
                    .append(dlq)
                    .append("\", maxReceiveCount = ")
                    .append(ElasticMq.MAX_RECEIVE_COUNT)
                    .append(" }");
        }
        return q.append(" }").toString();
    }
}
