package org.wassist.logging;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout.EventTemplateAdditionalField;

/**
 * The log4j2 configuration of every process, built in code (no file to parse at cold start): one console appender on
 * stdout with the JSON event template {@value #EVENT_TEMPLATE}, the root level from {@link LogSettings}, and the noisy
 * third-party loggers in {@link #QUIET_LOGGERS} held at WARN (or stricter, when the root level is stricter).
 *
 * <p>Writing is synchronous: a Lambda environment is frozen as soon as the handler returns, so nothing may wait in a
 * buffer.
 */
public final class JsonLogConfiguration extends AbstractConfiguration {
    /** The name of the stdout appender; test tooling reuses its layout to capture lines exactly as written. */
    public static final String STDOUT_APPENDER = "wassist-stdout";

    /** Longest string value in a line; longer messages and stacks end with {@code …}. */
    public static final int MAX_STRING_LENGTH = 16_384;

    static final String EVENT_TEMPLATE = "classpath:org/wassist/logging/event-template.json";

    /** Logger name prefixes held at WARN: ElasticMQ/Pekko, Jetty/s3proxy, Flyway, HikariCP, okhttp, the AWS SDK. */
    public static final List<String> QUIET_LOGGERS = List.of(
            "org.apache.pekko",
            "org.elasticmq",
            "org.eclipse.jetty",
            "org.gaul",
            "org.jclouds",
            "org.flywaydb",
            "com.zaxxer.hikari",
            "okhttp3",
            "software.amazon.awssdk",
            "com.amazonaws",
            "io.netty",
            "org.apache.http",
            "org.postgresql",
            "com.openai");

    private final LogSettings settings;

    public JsonLogConfiguration(LoggerContext context, LogSettings settings) {
        super(context, ConfigurationSource.NULL_SOURCE);
        this.settings = settings;
        setName("wassist-json");
    }

    public LogSettings settings() {
        return settings;
    }

    @Override
    protected void doConfigure() {
        // Error level: the status logger prints nothing below it by default.
        settings.problems().forEach(p -> LOGGER.error("wassist logging: {}", p));
        ConsoleAppender stdout = ConsoleAppender.newBuilder()
                .setName(STDOUT_APPENDER)
                .setTarget(ConsoleAppender.Target.SYSTEM_OUT)
                .setLayout(layout())
                .setConfiguration(this)
                .build();
        addAppender(stdout);
        LoggerConfig root = getRootLogger();
        root.setLevel(settings.level());
        root.addAppender(stdout, null, null);
        Level quiet = settings.level().isMoreSpecificThan(Level.WARN) ? settings.level() : Level.WARN;
        for (String name : QUIET_LOGGERS) {
            addLogger(
                    name,
                    LoggerConfig.newBuilder()
                            .setLoggerName(name)
                            .setLevel(quiet)
                            .setAdditivity(true)
                            .setConfig(this)
                            .build());
        }
    }

    /**
     * The JSON template layout with the redacting resolvers, or the {@link FallbackLayout} when it cannot be built.
     * Either way nothing reaches stdout unredacted.
     */
    private Layout<? extends Serializable> layout() {
        try {
            return JsonTemplateLayout.newBuilder()
                    .setConfiguration(this)
                    .setCharset(StandardCharsets.UTF_8)
                    .setEventTemplateUri(EVENT_TEMPLATE)
                    .setEventTemplateAdditionalFields(new EventTemplateAdditionalField[] {
                        EventTemplateAdditionalField.newBuilder()
                                .setKey("service")
                                .setValue(settings.service())
                                .build()
                    })
                    .setLocationInfoEnabled(false)
                    .setMaxStringLength(MAX_STRING_LENGTH)
                    .setEventDelimiter("\n")
                    .build();
        } catch (RuntimeException e) {
            LOGGER.error(
                    "wassist logging: the JSON layout could not start ({}); writing the reduced fallback format. In a"
                            + " shaded jar, merge Log4j2Plugins.dat with Log4j2PluginCacheFileTransformer"
                            + " (docs/adr/0005-logging.md).",
                    e.getMessage());
            return new FallbackLayout();
        }
    }
}
