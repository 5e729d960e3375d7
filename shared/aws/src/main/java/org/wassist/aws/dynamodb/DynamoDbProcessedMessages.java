package org.wassist.aws.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.aws.AwsFailures;
import org.wassist.dedupe.ProcessedMessages;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The idempotency guard on a DynamoDB table with string key {@code pk}. A claim is a conditional PutItem of an
 * IN_PROGRESS record that succeeds when there is no record, the previous lease ended, or the record expired; when the
 * condition fails, the existing record (returned by DynamoDB, or read consistently where the store does not return
 * it, as dynalite) tells DONE from IN_PROGRESS. {@code expiresAt} is epoch seconds, the table's TTL attribute; since
 * TTL deletes late (and dynalite never), expired records count as absent. Lease ends are kept in milliseconds.
 */
public final class DynamoDbProcessedMessages implements ProcessedMessages {
    static final String PK = "pk";
    static final String STATUS = "status";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String EXPIRES_AT = "expiresAt";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    private static final int MAX_ATTEMPTS = 3;
    private static final String CLAIMABLE = "attribute_not_exists(pk) OR (#status = :inProgress AND "
            + "leaseUntil <= :nowMillis) OR expiresAt <= :nowSeconds";

    private final DynamoDbClient ddb;
    private final String table;

    public DynamoDbProcessedMessages(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public Claim claim(String key, Instant now, Duration lease) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> existing = tryClaim(key, now, now.plus(lease));
            if (existing == null) {
                return Claim.ACQUIRED;
            }
            Claim state = stateOf(existing, now);
            if (state != null) {
                return state;
            }
            // The record vanished or expired between the write and the read: claim again.
        }
        return Claim.IN_PROGRESS;
    }

    /** Null when the claim was written; else the record that prevented it (empty if it is gone by now). */
    private @Nullable Map<String, AttributeValue> tryClaim(String key, Instant now, Instant leaseEnd) {
        try {
            ddb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            PK, s(key),
                            STATUS, s(IN_PROGRESS),
                            LEASE_UNTIL, n(leaseEnd.toEpochMilli()),
                            EXPIRES_AT, n(ceilSeconds(leaseEnd))))
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(
                            ":inProgress", s(IN_PROGRESS),
                            ":nowMillis", n(now.toEpochMilli()),
                            ":nowSeconds", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return null;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && !e.item().isEmpty() ? e.item() : read(key);
        } catch (SdkException e) {
            throw AwsFailures.map("DynamoDB PutItem (claim)", e);
        }
    }

    private Map<String, AttributeValue> read(String key) {
        try {
            return ddb.getItem(b -> b.tableName(table).key(Map.of(PK, s(key))).consistentRead(true))
                    .item();
        } catch (SdkException e) {
            throw AwsFailures.map("DynamoDB GetItem (claim)", e);
        }
    }

    /** DONE or IN_PROGRESS for a live record; null for a missing or expired one. */
    static @Nullable Claim stateOf(Map<String, AttributeValue> item, Instant now) {
        if (item.isEmpty() || number(item, EXPIRES_AT) <= now.getEpochSecond()) {
            return null;
        }
        AttributeValue status = item.get(STATUS);
        if (status != null && DONE.equals(status.s())) {
            return Claim.DONE;
        }
        return number(item, LEASE_UNTIL) > now.toEpochMilli() ? Claim.IN_PROGRESS : null;
    }

    @Override
    public void complete(String key, Instant now, Duration keepFor) {
        try {
            ddb.putItem(b -> b.tableName(table)
                    .item(Map.of(PK, s(key), STATUS, s(DONE), EXPIRES_AT, n(ceilSeconds(now.plus(keepFor))))));
        } catch (SdkException e) {
            throw AwsFailures.map("DynamoDB PutItem (complete)", e);
        }
    }

    @Override
    public void release(String key) {
        try {
            ddb.deleteItem(b -> b.tableName(table)
                    .key(Map.of(PK, s(key)))
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException doneOrGone) {
            // Nothing to release: the key is done (which must stay) or has no record.
        } catch (SdkException e) {
            throw AwsFailures.map("DynamoDB DeleteItem (release)", e);
        }
    }

    private static long ceilSeconds(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
