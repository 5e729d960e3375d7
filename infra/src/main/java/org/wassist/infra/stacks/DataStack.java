package org.wassist.infra.stacks;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.config.MigrationsHash;
import org.wassist.infra.config.Removal;
import org.wassist.infra.constructs.AuroraDatabase;
import org.wassist.infra.constructs.MigrationStep;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The stores: the idempotency table, the media bucket, the app secret and, on AWS, the Aurora database with its
 * deploy-time migrations. Everything here holds data, so it is kept on {@code cdk destroy} unless the operator chose
 * {@code removalPolicy=destroy}.
 */
public final class DataStack extends Stack {
    /**
     * The app secret's keys. OPENAI_API_KEYS (the router's key pool, comma-separated) and QR_PAGE_TOKEN (the bridge's
     * linking page; without it the page is off) start empty until the operator fills them in; the assistant reports
     * a missing model key instead of failing.
     */
    public static final String API_KEYS_FIELD = "OPENAI_API_KEYS";

    public static final String QR_TOKEN_FIELD = "QR_PAGE_TOKEN";

    public static final String PSEUDONYM_KEY_FIELD = "LOG_PSEUDONYM_KEY";

    private final Table idempotency;
    private final Bucket media;
    private final Secret appSecret;
    private final @Nullable AuroraDatabase database;

    public DataStack(Construct scope, String id, StackProps props, InfraConfig config, @Nullable IVpc vpc) {
        super(scope, id, props);
        Removal removal = config.removal();
        this.idempotency = idempotencyTable(removal);
        this.media = mediaBucket(config);
        this.appSecret = appSecret(removal);
        this.database = vpc == null ? null : new AuroraDatabase(this, "Database", vpc, config.db(), removal);
        if (database != null) {
            new MigrationStep(
                    this,
                    "Migrations",
                    database,
                    config.assets().migratorJar(),
                    MigrationsHash.of(config.assets().migrationsDir()),
                    config.logRetentionDays(),
                    removal);
        }
    }

    /** Idempotency records: one item per message id; expired items are removed by TTL (checked on read too). */
    private Table idempotencyTable(Removal removal) {
        return Table.Builder.create(this, "IdempotencyTable")
                .partitionKey(Attribute.builder()
                        .name("pk")
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute("expiresAt")
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(removal != Removal.DESTROY)
                .removalPolicy(removal.durable())
                .build();
    }

    /** Created with a generated pseudonym key and empty fields the operator fills in; never in the template. */
    private Secret appSecret(Removal removal) {
        return Secret.Builder.create(this, "AppSecret")
                .description("WAssist runtime secrets: " + API_KEYS_FIELD + " and " + QR_TOKEN_FIELD + " (fill in), "
                        + PSEUDONYM_KEY_FIELD + " (generated at creation). docs/operations.md, Secrets.")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"" + API_KEYS_FIELD + "\":\"\",\"" + QR_TOKEN_FIELD + "\":\"\"}")
                        .generateStringKey(PSEUDONYM_KEY_FIELD)
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(removal.durable())
                .build();
    }

    private Bucket mediaBucket(InfraConfig config) {
        Duration expiry = Duration.days(config.mediaExpiryDays());
        return Bucket.Builder.create(this, "MediaBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(false)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-inbound-media")
                                .prefix("inbound/")
                                .expiration(expiry)
                                .build(),
                        LifecycleRule.builder()
                                .id("expire-outbound-media")
                                .prefix("outbound/")
                                .expiration(expiry)
                                .build(),
                        LifecycleRule.builder()
                                .id("abort-incomplete-uploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build()))
                .removalPolicy(config.removal().durable())
                .autoDeleteObjects(config.removal().autoDeleteObjects())
                .build();
    }

    public Table idempotency() {
        return idempotency;
    }

    public Bucket media() {
        return media;
    }

    public Secret appSecret() {
        return appSecret;
    }

    /** The database, or null on LocalStack's free tier (no Aurora there). */
    public @Nullable AuroraDatabase database() {
        return database;
    }
}
