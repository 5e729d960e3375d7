package org.wassist.logging;

import java.util.Set;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The {@code "$resolver": "redactedContext"} template resolver: every MDC entry as a top-level field (flattened into
 * the event object), its value as a string after the {@link Redactor}. Keys that would clash with the event's own
 * fields are skipped, so a line never holds a key twice.
 */
@Plugin(name = "RedactedContextResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class RedactedContextResolverFactory implements EventResolverFactory {
    static final String NAME = "redactedContext";

    /** The fields the event template writes itself. */
    static final Set<String> RESERVED =
            Set.of("timestamp", "level", "logger", "message", "thread", "error", "service", "logFormat");

    private static final RedactedContextResolverFactory INSTANCE = new RedactedContextResolverFactory();

    private RedactedContextResolverFactory() {}

    @PluginFactory
    public static RedactedContextResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
        return new Resolver();
    }

    private static final class Resolver implements EventResolver {
        @Override
        public boolean isFlattening() {
            return true;
        }

        @Override
        public boolean isResolvable(LogEvent event) {
            ReadOnlyStringMap data = event.getContextData();
            return data != null && !data.isEmpty();
        }

        @Override
        public void resolve(LogEvent event, JsonWriter writer) {
            resolve(event, writer, false);
        }

        @Override
        public void resolve(LogEvent event, JsonWriter writer, boolean succeedingEntry) {
            ReadOnlyStringMap data = event.getContextData();
            if (data == null) {
                return;
            }
            Fields fields = new Fields(writer, succeedingEntry);
            data.forEach(Fields::write, fields);
        }
    }

    /** Writes entries one by one, with a separator before each entry after the first field of the event. */
    private static final class Fields {
        private final JsonWriter writer;
        private boolean succeeding;

        Fields(JsonWriter writer, boolean succeeding) {
            this.writer = writer;
            this.succeeding = succeeding;
        }

        static void write(String key, Object value, Fields fields) {
            if (RESERVED.contains(key)) {
                return;
            }
            if (fields.succeeding) {
                fields.writer.writeSeparator();
            }
            fields.succeeding = true;
            fields.writer.writeObjectKey(key);
            fields.writer.writeString(LogText.redacted(value));
        }
    }
}
