package org.wassist.local.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.inbound.InboundPublisher;
import org.wassist.message.Envelope;
import org.wassist.message.MessageCodec;

/**
 * The simulator's HTTP contract (stable; documented in docs/simulator.md):
 * {@code POST /api/sim/messages} puts an envelope on the inbound queue exactly as the bridge does and answers
 * {@code 202 {"messageId": …}}; {@code GET /api/sim/chats/{chatId}/messages} returns the chat's durable transcript;
 * {@code GET /api/sim/chats} lists chats.
 */
public final class SimulatorApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorApi.class);
    static final String PREFIX = "/api/sim";
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final String NOT_JSON = "body must be a JSON object: {chatId, senderId, text, group, messageId}";

    private final InboundPublisher publisher;
    private final Transcript transcript;
    private final Clock clock;

    public SimulatorApi(InboundPublisher publisher, Transcript transcript, Clock clock) {
        this.publisher = publisher;
        this.transcript = transcript;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.equals(PREFIX + "/messages")) {
            if (!method.equals("POST")) {
                HttpExchanges.error(ex, 405, "SIM-405", "use POST");
                return;
            }
            post(ex);
        } else if (path.equals(PREFIX + "/chats") && method.equals("GET")) {
            HttpExchanges.json(ex, 200, transcript.chats());
        } else if (path.startsWith(PREFIX + "/chats/") && path.endsWith("/messages") && method.equals("GET")) {
            String raw = path.substring((PREFIX + "/chats/").length(), path.length() - "/messages".length());
            HttpExchanges.json(ex, 200, view(transcript.chat(URLDecoder.decode(raw, StandardCharsets.UTF_8))));
        } else {
            HttpExchanges.error(ex, 404, "SIM-404", "no such endpoint");
        }
    }

    private void post(HttpExchange ex) throws IOException {
        SimulatedMessage body = parse(ex);
        if (body == null) {
            return;
        }
        Envelope envelope = body.toEnvelope(clock.instant());
        TranscriptEntry entry = new TranscriptEntry(
                envelope.chatId(),
                TranscriptEntry.IN,
                envelope.messageId(),
                envelope.text(),
                "text",
                envelope.timestamp());
        if (publish(ex, entry, envelope)) {
            HttpExchanges.json(ex, 202, Map.of("messageId", envelope.messageId()));
        }
    }

    /** The request's message, or null after answering 400 or 413. */
    private static @Nullable SimulatedMessage parse(HttpExchange ex) throws IOException {
        @Nullable SimulatedMessage body;
        try {
            body = MessageCodec.mapper().readValue(HttpExchanges.readBody(ex, MAX_BODY_BYTES), SimulatedMessage.class);
        } catch (HttpExchanges.TooLarge e) {
            HttpExchanges.error(ex, 413, "SIM-413", "request body is larger than " + MAX_BODY_BYTES + " bytes");
            return null;
        } catch (JsonProcessingException e) {
            body = null;
        }
        String problem = body == null ? NOT_JSON : body.problem();
        if (body == null || problem != null) {
            HttpExchanges.error(ex, 400, "SIM-400", problem == null ? NOT_JSON : problem);
            return null;
        }
        return body;
    }

    /**
     * Lists the message in the transcript, then puts it on the inbound queue: a reply can never be listed without
     * it. Returns false after answering 500 (not listed, not queued) or 503 (not queued, withdrawn from the list).
     */
    private boolean publish(HttpExchange ex, TranscriptEntry entry, Envelope envelope) throws IOException {
        try {
            transcript.appendThen(entry, () -> publisher.publish(envelope));
            return true;
        } catch (Transcript.NotWritten e) {
            LOG.error("simulator transcript not writable cause={}", e.getClass().getSimpleName());
            HttpExchanges.error(ex, 500, "SIM-500", "the transcript could not be written; the message was not queued");
        } catch (RuntimeException e) {
            LOG.warn(
                    "inbound queue refused a simulated message cause={}",
                    e.getClass().getSimpleName());
            HttpExchanges.error(ex, 503, "SIM-503", "the inbound queue is not reachable; try again");
        }
        return false;
    }

    private static List<Map<String, Object>> view(List<TranscriptEntry> entries) {
        return entries.stream().map(SimulatorApi::view).toList();
    }

    /** The documented shape, in a stable field order. */
    private static Map<String, Object> view(TranscriptEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", e.direction());
        m.put("messageId", e.messageId());
        m.put("text", e.text());
        m.put("type", e.type());
        m.put("timestamp", e.timestamp().toString());
        return m;
    }
}
