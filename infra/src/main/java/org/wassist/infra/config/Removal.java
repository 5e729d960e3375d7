package org.wassist.infra.config;

import software.amazon.awscdk.RemovalPolicy;

/**
 * What {@code cdk destroy} (or removing a resource) does, chosen once by context key {@code removalPolicy}. Data
 * that cannot be recreated (database, table, bucket, browser profile, app secret) is kept unless the operator chose
 * {@link #DESTROY}; everything else (queues, functions, log groups, alarms) follows the same choice except under
 * {@link #SNAPSHOT}, where it is deleted.
 */
public enum Removal {
    /** Default: the database leaves a final snapshot; other data is retained; the rest is deleted. */
    SNAPSHOT,
    /** Everything is left in the account. */
    RETAIN,
    /** Everything is deleted, including bucket objects (a test deployment). */
    DESTROY;

    /** For the Aurora cluster. */
    public RemovalPolicy database() {
        return switch (this) {
            case SNAPSHOT -> RemovalPolicy.SNAPSHOT;
            case RETAIN -> RemovalPolicy.RETAIN;
            case DESTROY -> RemovalPolicy.DESTROY;
        };
    }

    /** For data that cannot be recreated: table, bucket, file system, secrets. */
    public RemovalPolicy durable() {
        return this == DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    }

    /** For everything that a deploy recreates: queues, functions, log groups, alarms, network. */
    public RemovalPolicy rebuildable() {
        return this == RETAIN ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    /** Bucket objects are deleted with the bucket only when the operator chose to destroy everything. */
    public boolean autoDeleteObjects() {
        return this == DESTROY;
    }
}
