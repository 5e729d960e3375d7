package org.wassist.bridge.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.wassist.aws.AwsClients;
import org.wassist.aws.s3.S3MediaStore;
import org.wassist.aws.sqs.SqsInboundPublisher;
import org.wassist.aws.sqs.SqsOutboundQueue;
import org.wassist.aws.sqs.SqsOutbox;
import org.wassist.bridge.BridgeWiring;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import org.wassist.outbox.Outbox;
import org.wassist.standins.StandIns;
import org.wassist.standins.s3.S3Proxy;
import org.wassist.standins.sqs.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The real adapters on the stand-ins (ElasticMQ, s3proxy), shared by the ITs of this JVM. */
final class Stack {
    private static @Nullable AwsClients clients;

    private Stack() {}

    static synchronized AwsClients aws() {
        AwsClients c = clients;
        if (c == null) {
            c = AwsClients.withEndpoints(
                    Region.of(StandIns.REGION),
                    AwsBasicCredentials.create(StandIns.ACCESS_KEY, StandIns.SECRET_KEY),
                    new AwsClients.Endpoints(
                            StandIns.sqs().endpoint(), null, StandIns.s3().endpoint()));
            clients = c;
        }
        return c;
    }

    static String inboundUrl() {
        return StandIns.sqs().queueUrl(ElasticMq.INBOUND);
    }

    static String outboundUrl() {
        return StandIns.sqs().queueUrl(ElasticMq.OUTBOUND);
    }

    static BridgeUnderTest.Parts parts() {
        return new BridgeUnderTest.Parts(
                new SqsInboundPublisher(aws().sqs(), inboundUrl()),
                new SqsOutboundQueue(aws().sqs(), outboundUrl()),
                media(),
                List.of(BridgeWiring.queueCheck("outbound-queue", aws().sqs(), outboundUrl())));
    }

    /** The real parts, with every message id the inbound queue accepted also added to {@code published}. */
    static BridgeUnderTest.Parts counting(List<String> published) {
        InboundPublisher sqs = new SqsInboundPublisher(aws().sqs(), inboundUrl());
        InboundPublisher counting = e -> {
            sqs.publish(e);
            published.add(e.messageId());
        };
        BridgeUnderTest.Parts real = parts();
        return new BridgeUnderTest.Parts(counting, real.outbound(), real.media(), real.checks());
    }

    static S3MediaStore media() {
        return new S3MediaStore(aws().s3(), S3Proxy.MEDIA_BUCKET);
    }

    static Outbox outbox() {
        return new SqsOutbox(aws().sqs(), outboundUrl());
    }

    /** Receives and deletes inbound envelopes until {@code n} match, or the wait is over. */
    static List<Envelope> inbound(Predicate<Envelope> filter, int n, Duration wait) {
        List<Envelope> out = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            for (Message m : aws().sqs()
                    .receiveMessage(b ->
                            b.queueUrl(inboundUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                aws().sqs().deleteMessage(b -> b.queueUrl(inboundUrl()).receiptHandle(m.receiptHandle()));
                Envelope e = MessageCodec.decodeEnvelope(m.body());
                if (filter.test(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Messages on the outbound queue, visible or in flight. */
    static int outboundDepth() {
        Map<QueueAttributeName, String> a = aws().sqs()
                .getQueueAttributes(b -> b.queueUrl(outboundUrl())
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static JsonNode json(Object o) {
        return MessageCodec.mapper().valueToTree(o);
    }
}
