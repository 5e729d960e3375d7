package org.wassist.config;

import java.util.List;

/** Which process is starting; it decides which infrastructure settings are required. */
public enum Profile {
    /** The router Lambda function: replies go to the outbound queue, memory through the RDS Data API. */
    ROUTER,
    /** The WhatsApp bridge container. */
    BRIDGE,
    /** The deploy-time migration function. */
    MIGRATOR,
    /** The all-local run: it starts its own stand-ins and derives these settings itself. */
    LOCAL;

    List<String> requiredInfra() {
        return switch (this) {
            case ROUTER -> List.of("OUTBOUND_QUEUE_URL", "IDEMPOTENCY_TABLE", "DB_CLUSTER_ARN", "DB_SECRET_ARN");
            case BRIDGE -> List.of("INBOUND_QUEUE_URL", "OUTBOUND_QUEUE_URL", "MEDIA_BUCKET");
            case MIGRATOR -> List.of("DB_CLUSTER_ARN", "DB_SECRET_ARN");
            case LOCAL -> List.of();
        };
    }
}
