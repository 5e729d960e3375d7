package org.wassist.logging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * A private logger context running the production {@link JsonLogConfiguration} for the given environment, whose
 * console appender was built while {@code System.out} pointed at a buffer: the lines read back are the bytes the
 * process would have written to stdout.
 */
final class StdoutContext implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final LoggerContext context;

    StdoutContext(Map<String, String> env) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, UTF_8));
        try {
            context = new LoggerContext("test-" + UUID.randomUUID());
            context.start(new JsonLogConfiguration(context, LogSettings.from(env)));
        } finally {
            System.setOut(original);
        }
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    LoggerContext context() {
        return context;
    }

    String raw() {
        return stdout.toString(UTF_8);
    }

    List<String> lines() {
        return raw().lines().toList();
    }

    List<JsonNode> events() {
        return lines().stream().map(StdoutContext::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
