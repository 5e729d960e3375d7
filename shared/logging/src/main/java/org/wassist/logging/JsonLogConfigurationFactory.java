package org.wassist.logging;

import java.net.URI;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Order;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.jspecify.annotations.Nullable;

/**
 * Gives every logger context a {@link JsonLogConfiguration}, so a process needs no log4j2 file. It is found twice
 * over, so that losing either registration in a fat jar still leaves it in charge: by {@code log4j2.component.properties}
 * ({@code log4j2.configurationFactory}) and as a plugin that outranks the file-based factories. It declines when a
 * configuration file is named explicitly ({@code log4j2.configurationFile} / {@code LOG4J_CONFIGURATION_FILE}), and
 * classpath files such as another jar's {@code log4j2-test.xml} are never consulted because this factory answers first.
 */
@Plugin(name = "WassistJsonConfigurationFactory", category = ConfigurationFactory.CATEGORY)
@Order(100)
public final class JsonLogConfigurationFactory extends ConfigurationFactory {
    private static final String[] TYPES = {"*"};

    @Override
    protected String[] getSupportedTypes() {
        return TYPES.clone();
    }

    @Override
    public @Nullable Configuration getConfiguration(
            LoggerContext loggerContext, String name, @Nullable URI configLocation) {
        if (configLocation != null) {
            return null;
        }
        JulBridge.install();
        return new JsonLogConfiguration(loggerContext, LogSettings.from(System.getenv()));
    }

    /** An explicit configuration file: left to the factory for its format. */
    @Override
    public @Nullable Configuration getConfiguration(LoggerContext loggerContext, ConfigurationSource source) {
        return null;
    }
}
