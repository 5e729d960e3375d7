package org.wassist.aws.sqs;

import java.util.List;
import org.wassist.aws.StandInClients;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;
import org.wassist.standins.StandIns;
import org.wassist.testkit.outbox.OutboxContract;

class SqsOutboxIT extends OutboxContract {
    private final String url = StandIns.sqs().outboundQueueUrl();
    private final SqsOutbox outbox = new SqsOutbox(StandInClients.get().sqs(), url);

    @Override
    protected Outbox outbox() {
        return outbox;
    }

    @Override
    protected List<OutboundCommand> delivered(String chatId, int expected) {
        return Drain.chat(StandInClients.get().sqs(), url, expected, body -> {
            OutboundCommand c = MessageCodec.decodeCommand(body);
            return c.chatId().equals(chatId) ? c : null;
        });
    }
}
