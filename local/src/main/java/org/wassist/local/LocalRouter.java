package org.wassist.local;

import org.wassist.assistant.Assistant;
import org.wassist.assistant.InboundBatch;
import org.wassist.aws.dynamodb.DynamoDbProcessedMessages;
import org.wassist.aws.sqs.SqsOutbox;
import org.wassist.local.esm.LocalEventSourceMapping;
import org.wassist.model.ChatModel;
import org.wassist.openai.OpenAiChatModel;
import org.wassist.sql.memory.SqlConversationStore;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.standins.sqs.ElasticMq;

/** The router function's pipeline in the local run, fed by a local event source mapping on the inbound queue. */
final class LocalRouter {
    private LocalRouter() {}

    /** The mapping, not yet polling; the model client is owned by {@code resources}. */
    static LocalEventSourceMapping build(LocalParts p, Resources resources) {
        ChatModel model = p.hooks()
                .model()
                .apply(resources.own(new OpenAiChatModel(p.config().model(), p.clock())));
        Assistant assistant = Assistant.create(
                p.config(),
                new Assistant.Ports(
                        new DynamoDbProcessedMessages(p.aws().dynamoDb(), Dynalite.IDEMPOTENCY_TABLE),
                        new SqlConversationStore(p.sql()),
                        model,
                        new SqsOutbox(p.aws().sqs(), p.standIns().sqs.outboundQueueUrl()),
                        p.clock()),
                p.pseudonyms());
        return new LocalEventSourceMapping(
                p.aws().sqs(),
                p.standIns().sqs.inboundQueueUrl(),
                new InboundBatch(assistant, ElasticMq.MAX_RECEIVE_COUNT),
                p.settings().routerWorkers(),
                LocalWiring.POLL_WAIT);
    }
}
