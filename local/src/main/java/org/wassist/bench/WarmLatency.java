package org.wassist.bench;

import java.util.Map;
import java.util.UUID;
import org.wassist.standins.dynamodb.Dynalite;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Warm latency on one thread against the stand-ins: an SQS FIFO send + receive + delete round trip (queue depth 0/1),
 * and a DynamoDB conditional PutItem of a new idempotency record.
 */
final class WarmLatency {
    private WarmLatency() {}

    /** Percentiles of both operations, in microseconds. */
    record Samples(Stats sqsRoundTripUs, Stats ddbPutUs, int emptyReceives) {}

    static Samples measure(HttpKind.Clients c, String queueUrl, int warmup, int iterations) {
        run(c, queueUrl, warmup);
        return run(c, queueUrl, iterations);
    }

    private static Samples run(HttpKind.Clients c, String queueUrl, int n) {
        double[] sqs = new double[n];
        double[] ddb = new double[n];
        int empty = 0;
        String prefix = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            String id = prefix + ":" + i;
            long t0 = System.nanoTime();
            c.sqs()
                    .sendMessage(b -> b.queueUrl(queueUrl)
                            .messageGroupId("g" + (id.hashCode() & 1023))
                            .messageDeduplicationId(id)
                            .messageBody(
                                    "{\"commandId\":\"" + id + "\",\"text\":\"benchmark reply of a realistic size\"}"));
            var received = c.sqs()
                    .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1))
                    .messages();
            for (Message m : received) {
                c.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            long t1 = System.nanoTime();
            empty += received.isEmpty() ? 1 : 0;
            c.ddb()
                    .putItem(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)
                            .item(Map.of(
                                    "pk", AttributeValue.fromS("wa-web:" + id),
                                    "status", AttributeValue.fromS("IN_PROGRESS"),
                                    "leaseUntil", AttributeValue.fromN("1"),
                                    "expiresAt", AttributeValue.fromN("1")))
                            .conditionExpression("attribute_not_exists(pk)"));
            long t2 = System.nanoTime();
            sqs[i] = (t1 - t0) / 1000.0;
            ddb[i] = (t2 - t1) / 1000.0;
        }
        return new Samples(new Stats(sqs), new Stats(ddb), empty);
    }
}
