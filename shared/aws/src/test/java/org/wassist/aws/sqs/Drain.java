package org.wassist.aws.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads one chat's messages off a shared queue in order, deleting them; other chats' messages are left alone. */
final class Drain {
    private static final int ATTEMPTS = 8;

    private Drain() {}

    static <T> List<T> chat(SqsClient sqs, String url, int expected, Function<String, @Nullable T> decodeIfOurs) {
        List<T> got = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS && got.size() < expected; i++) {
            for (Message m : sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                T value = decodeIfOurs.apply(m.body());
                if (value != null) {
                    got.add(value);
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
        return got;
    }
}
