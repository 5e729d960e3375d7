package org.wassist.aws.sqs;

import java.nio.charset.StandardCharsets;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

/** The size limit of a queue body, checked before sending so an oversized body fails clearly and once. */
final class QueueBodies {
    /** SQS's classic maximum message size, which ElasticMQ also enforces; the queues are configured to it. */
    static final int MAX_BYTES = 256 * 1024;

    private QueueBodies() {}

    static String checked(String body, String what) {
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new Failure.Permanent(
                    ErrorCode.INTERNAL, what + " is " + bytes + " bytes, over the queue limit of " + MAX_BYTES);
        }
        return body;
    }
}
