package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wassist.message.MessageCodec;
import org.wassist.message.OutboundCommand;
import org.wassist.observability.Pseudonyms;
import org.wassist.router.standin.RouterStandIns;
import org.wassist.standins.openai.RecordedRequest;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.logs.PiiScan;

/**
 * The router over its real adapters (SDK clients for SQS, DynamoDB, the RDS Data API and Secrets Manager; openai-java
 * for the model) against the stand-ins, wired as in Lambda by {@link RouterWiring#create}. The methods run in order:
 * the first shows INIT reads no secret, the last scans every line the JVM logged meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterHandlerIT {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String SAMPLE_PHONE = "4915100000001";
    private static final String MEMORY_PHONE = "4915100000002";

    private static LogCapture logs;
    private static RouterStandIns standIns;
    private static RouterWiring wiring;
    private static RouterHandler handler;

    @BeforeAll
    static void init() {
        logs = LogCapture.start();
        standIns = RouterStandIns.start();
        wiring = RouterWiring.create(standIns.settings(), standIns.aws());
        handler = new RouterHandler(wiring::batch, wiring::warmUp, wiring::tokens);
    }

    @AfterAll
    static void stop() {
        logs.close();
        standIns.close();
    }

    private static List<String> handle(SQSEvent event) {
        return handler.handleRequest(event, new TestContext()).getBatchItemFailures().stream()
                .map(f -> f.getItemIdentifier())
                .toList();
    }

    @Test
    @Order(1)
    void initReadsNoSecretAndBuildsNoAdapter() {
        assertThat(standIns.secrets().served()).isZero();
        assertThat(wiring.built()).isFalse();
    }

    @Test
    @Order(2)
    void theReplyLandsOnTheOutboundQueueAndARedeliveryAddsNone() {
        SQSEvent event = EventLoader.loadSQSEvent(Fixtures.TEXT_EVENT);
        String waMessageId = MessageCodec.decodeEnvelope(
                        event.getRecords().getFirst().getBody())
                .messageId();

        assertThat(handle(event)).isEmpty();

        assertThat(standIns.takeReplies(1, ARRIVAL))
                .singleElement()
                .isInstanceOfSatisfying(OutboundCommand.SendText.class, reply -> {
                    assertThat(reply.commandId()).isEqualTo(waMessageId + "#1");
                    assertThat(reply.chatId()).isEqualTo(SAMPLE_PHONE + "@c.us");
                    assertThat(reply.text()).isEqualTo("echo(1 messages): What can you do?");
                });

        assertThat(handle(event)).isEmpty();

        assertThat(standIns.takeReplies(0, QUIET)).isEmpty();
        assertThat(standIns.openai().chatRequests()).hasSize(1);
    }

    @Test
    @Order(3)
    void memoryCarriesTheFirstExchangeIntoTheSecondModelRequest() {
        assertThat(handle(Fixtures.textEvent(MEMORY_PHONE, "3EB0MEMORY0000000000001", "!gpt first question")))
                .isEmpty();
        assertThat(handle(Fixtures.textEvent(MEMORY_PHONE, "3EB0MEMORY0000000000002", "!gpt and the second one")))
                .isEmpty();

        assertThat(standIns.openai().lastRequest().messages())
                .extracting(RecordedRequest.Message::role, RecordedRequest.Message::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user", "first question"),
                        org.assertj.core.groups.Tuple.tuple("assistant", "echo(1 messages): first question"),
                        org.assertj.core.groups.Tuple.tuple("user", "and the second one"));
        assertThat(standIns.takeReplies(2, ARRIVAL))
                .extracting(OutboundCommand::commandId)
                .containsExactly("3EB0MEMORY0000000000001#1", "3EB0MEMORY0000000000002#1");
    }

    @Test
    @Order(4)
    void theAppSecretsModelKeysAndPseudonymKeyAreUsedAndReadOnce() {
        assertThat(standIns.openai().chatRequests())
                .isNotEmpty()
                .extracting(RecordedRequest::bearerToken)
                .allMatch(RouterStandIns.API_KEYS::contains);
        assertThat(standIns.secrets().served()).isEqualTo(1);
        String chat = new Pseudonyms(RouterStandIns.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8))
                .chat(SAMPLE_PHONE + "@c.us");
        assertThat(logs.lines())
                .anySatisfy(
                        line -> assertThat(line).contains("message processed").contains(chat));
    }

    @Test
    @Order(5)
    void nothingLoggedHoldsAPhoneNumberIdMessageTextOrSecret() {
        List<String> sensitive = new ArrayList<>(List.of(
                SAMPLE_PHONE,
                SAMPLE_PHONE + "@c.us",
                MEMORY_PHONE,
                MEMORY_PHONE + "@c.us",
                "What can you do?",
                "first question",
                "and the second one",
                RouterStandIns.PSEUDONYM_KEY));
        sensitive.addAll(RouterStandIns.API_KEYS);
        List<String> lines = logs.lines();

        assertThat(lines).filteredOn(l -> l.contains("message processed")).hasSizeGreaterThanOrEqualTo(4);
        PiiScan.knowing(sensitive).assertClean(lines);
    }
}
