package org.wassist.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire format of the queues: JSON, timestamps as ISO-8601, unknown fields ignored so that a newer producer does
 * not break an older consumer. Bodies that cannot be decoded raise {@link MalformedMessageException}, a permanent
 * failure that is never retried.
 */
public final class MessageCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private MessageCodec() {}

    public static String encode(Envelope envelope) {
        return write(envelope);
    }

    public static String encode(OutboundCommand command) {
        return write(command);
    }

    public static Envelope decodeEnvelope(String json) {
        return read(json, Envelope.class);
    }

    public static OutboundCommand decodeCommand(String json) {
        return read(json, OutboundCommand.class);
    }

    /** The shared mapper, for adapters that speak other JSON on the same data. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        T value;
        try {
            value = JSON.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The message text of Jackson errors can quote the payload; keep only the location.
            throw new MalformedMessageException(type.getSimpleName() + " is not valid JSON of the expected shape", e);
        }
        // Jackson reads the body "null" as a null value, not as an error.
        if (value == null) {
            throw new MalformedMessageException(type.getSimpleName() + " is JSON null");
        }
        return value;
    }

    /** A queue body that is not a valid message. */
    public static final class MalformedMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedMessageException(String message, Throwable cause) {
            super(message, null, false, false);
            addSuppressed(new IllegalArgumentException(cause.getClass().getSimpleName()));
        }

        MalformedMessageException(String message) {
            super(message, null, false, false);
        }
    }
}
