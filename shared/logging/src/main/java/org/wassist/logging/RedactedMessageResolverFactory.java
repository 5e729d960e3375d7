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
import org.apache.logging.log4j.message.Message;

/**
 * The {@code "$resolver": "redactedMessage"} template resolver: the formatted message as a JSON string, after the
 * {@link Redactor}. Replaces log4j's {@code message} resolver, which writes the text as it is.
 */
@Plugin(name = "RedactedMessageResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class RedactedMessageResolverFactory implements EventResolverFactory {
    static final String NAME = "redactedMessage";
    private static final RedactedMessageResolverFactory INSTANCE = new RedactedMessageResolverFactory();

    private RedactedMessageResolverFactory() {}

    @PluginFactory
    public static RedactedMessageResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
        return RedactedMessageResolverFactory::resolve;
    }

    private static void resolve(LogEvent event, JsonWriter writer) {
        Message message = event.getMessage();
        writer.writeString(message == null ? "" : LogText.redacted(message.getFormattedMessage()));
    }
}
