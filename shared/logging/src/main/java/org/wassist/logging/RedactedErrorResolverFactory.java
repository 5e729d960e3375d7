package org.wassist.logging;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * The {@code "$resolver": "redactedError"} template resolver: the event's exception as
 * {@code {"class": ..., "message": ..., "stack": ...}}, message and stack (causes and suppressed exceptions included)
 * after the {@link Redactor}. The field is left out when the event has no exception.
 */
@Plugin(name = "RedactedErrorResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class RedactedErrorResolverFactory implements EventResolverFactory {
    static final String NAME = "redactedError";
    private static final RedactedErrorResolverFactory INSTANCE = new RedactedErrorResolverFactory();

    private RedactedErrorResolverFactory() {}

    @PluginFactory
    public static RedactedErrorResolverFactory getInstance() {
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
        public boolean isResolvable(LogEvent event) {
            return event.getThrown() != null;
        }

        @Override
        public void resolve(LogEvent event, JsonWriter writer) {
            Throwable thrown = event.getThrown();
            if (thrown == null) {
                writer.writeNull();
                return;
            }
            writer.writeObjectStart();
            writer.writeObjectKey("class");
            writer.writeString(thrown.getClass().getName());
            writer.writeSeparator();
            writer.writeObjectKey("message");
            writer.writeString(LogText.redacted(messageOf(thrown)));
            writer.writeSeparator();
            writer.writeObjectKey("stack");
            writer.writeString(LogText.redacted(stackOf(thrown)));
            writer.writeObjectEnd();
        }
    }

    /** Exceptions with broken {@code getMessage}/{@code toString} must not break logging. */
    static String messageOf(Throwable t) {
        try {
            String m = t.getMessage();
            return m == null ? "" : m;
        } catch (RuntimeException e) {
            return "[message unavailable: " + e.getClass().getName() + "]";
        }
    }

    static String stackOf(Throwable t) {
        try {
            return StackText.of(t);
        } catch (RuntimeException e) {
            return t.getClass().getName() + " [stack unavailable: "
                    + e.getClass().getName() + "]";
        }
    }
}
