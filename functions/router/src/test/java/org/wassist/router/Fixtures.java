package org.wassist.router;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.wassist.message.MessageCodec;

/** The repository's event fixtures ({@code samples/events}, on the test classpath as {@code events/}), and variants. */
public final class Fixtures {
    public static final String TEXT_EVENT = "events/sqs-inbound-text.json";
    static final String BATCH_EVENT = "events/sqs-inbound-batch.json";

    private Fixtures() {}

    /** The fixture file's text, as Lambda would deliver it. */
    static String json(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing from the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text fixture with another message: a new queue message id, and this sender, WhatsApp id and text. */
    static SQSEvent textEvent(String phone, String waMessageId, String text) {
        SQSEvent event = EventLoader.loadSQSEvent(TEXT_EVENT);
        SQSEvent.SQSMessage record = event.getRecords().getFirst();
        record.setMessageId(UUID.randomUUID().toString());
        record.setBody(body(record.getBody(), phone, waMessageId, text));
        record.getAttributes().put("MessageGroupId", phone + "@c.us");
        return event;
    }

    /** {@link #textEvent} as the JSON Lambda delivers. */
    public static String textEventJson(String phone, String waMessageId, String text) {
        try {
            ObjectNode root = (ObjectNode) MessageCodec.mapper().readTree(json(TEXT_EVENT));
            ObjectNode record = (ObjectNode) root.path("Records").get(0);
            record.put("messageId", UUID.randomUUID().toString())
                    .put("body", body(record.path("body").asText(), phone, waMessageId, text));
            ((ObjectNode) record.path("attributes")).put("MessageGroupId", phone + "@c.us");
            return root.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the fixture is not JSON", e);
        }
    }

    private static String body(String fixtureBody, String phone, String waMessageId, String text) {
        try {
            ObjectNode body = (ObjectNode) MessageCodec.mapper().readTree(fixtureBody);
            String jid = phone + "@c.us";
            body.put("chatId", jid).put("messageId", waMessageId).put("text", text);
            ((ObjectNode) body.path("sender")).put("id", jid).put("phone", phone);
            return body.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the fixture's body is not JSON", e);
        }
    }
}
