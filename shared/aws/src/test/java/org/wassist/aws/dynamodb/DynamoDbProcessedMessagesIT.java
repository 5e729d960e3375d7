package org.wassist.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.aws.StandInClients;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.standins.dynamodb.Dynalite;
import org.wassist.testkit.dedupe.ProcessedMessagesContract;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbProcessedMessagesIT extends ProcessedMessagesContract {
    private final DynamoDbProcessedMessages store =
            new DynamoDbProcessedMessages(StandInClients.get().dynamoDb(), Dynalite.IDEMPOTENCY_TABLE);

    @Override
    protected ProcessedMessages store() {
        return store;
    }

    @Test
    void aDoneRecordCarriesItsTtlInEpochSeconds() {
        String key = newKey();
        store.claim(key, T0, LEASE);
        store.complete(key, T0, KEEP);
        Map<String, AttributeValue> item = StandInClients.get()
                .dynamoDb()
                .getItem(b -> b.tableName(Dynalite.IDEMPOTENCY_TABLE)
                        .key(Map.of("pk", AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
        assertThat(item)
                .containsEntry("status", AttributeValue.fromS("DONE"))
                .containsEntry(
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(T0.plus(KEEP).getEpochSecond())));
    }
}
