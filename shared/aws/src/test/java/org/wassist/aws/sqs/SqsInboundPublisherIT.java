package org.wassist.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.aws.StandInClients;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;
import org.wassist.standins.StandIns;
import org.wassist.testkit.inbound.InboundPublisherContract;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsInboundPublisherIT extends InboundPublisherContract {
    private final String url = StandIns.sqs().inboundQueueUrl();
    private final SqsInboundPublisher publisher =
            new SqsInboundPublisher(StandInClients.get().sqs(), url);

    @Override
    protected InboundPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<Envelope> queued(String chatId, int expected) {
        return Drain.chat(StandInClients.get().sqs(), url, expected, body -> {
            Envelope e = MessageCodec.decodeEnvelope(body);
            return e.chatId().equals(chatId) ? e : null;
        });
    }

    @Test
    void groupsByChatAndDeduplicatesOnTheHashedKey() {
        String chat = java.util.UUID.randomUUID() + "@g.us";
        publisher.publish(envelope("wa-web", chat, "M-1", "hi"));
        Message m = StandInClients.get()
                .sqs()
                .receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .stream()
                .filter(x -> x.body().contains(chat))
                .findFirst()
                .orElseThrow();
        Map<MessageSystemAttributeName, String> attributes = m.attributes();
        assertThat(attributes.get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo(chat);
        StandInClients.get().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    }
}
