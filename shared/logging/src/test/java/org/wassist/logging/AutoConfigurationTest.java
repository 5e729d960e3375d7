package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.util.PluginManager;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The process-wide logger context of this test JVM was configured by nothing but this module being on the classpath. */
class AutoConfigurationTest {
    private static LoggerContext global() {
        return (LoggerContext) LogManager.getContext(false);
    }

    @Test
    void theProcessIsConfiguredByThisModuleWithTheFullJsonLayout() {
        Configuration config = global().getConfiguration();

        assertThat(config).isInstanceOf(JsonLogConfiguration.class);
        Appender stdout = config.getAppender(JsonLogConfiguration.STDOUT_APPENDER);
        assertThat(stdout).isNotNull();
        assertThat(stdout.getLayout()).isInstanceOf(JsonTemplateLayout.class);
    }

    @Test
    void ourPluginsAreRegisteredInThePluginCache() {
        PluginManager factories = new PluginManager(ConfigurationFactory.CATEGORY);
        factories.collectPlugins();
        PluginManager resolvers = new PluginManager(TemplateResolverFactory.CATEGORY);
        resolvers.collectPlugins();

        assertThat(factories.getPlugins()).containsKey("wassistjsonconfigurationfactory");
        assertThat(resolvers.getPlugins())
                .containsKeys(
                        "redactedmessageresolverfactory",
                        "redactederrorresolverfactory",
                        "redactedcontextresolverfactory");
    }

    @Test
    void anExplicitConfigurationFileIsLeftToTheFileFactories() {
        JsonLogConfigurationFactory factory = new JsonLogConfigurationFactory();

        assertThat(factory.getConfiguration(global(), "x", URI.create("file:///etc/log4j2.xml")))
                .isNull();
    }

    @Test
    void slf4jAndJavaUtilLoggingBothReachTheJsonAppenderRedacted() {
        Layout<? extends Serializable> layout = global().getConfiguration()
                .getAppender(JsonLogConfiguration.STDOUT_APPENDER)
                .getLayout();
        Capture capture = new Capture(layout);
        capture.start();
        Configuration config = global().getConfiguration();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, null, null);
        global().updateLoggers();
        try {
            LoggerFactory.getLogger("org.wassist.test").info("slf4j from 6581234567@c.us");
            java.util.logging.Logger.getLogger("org.wassist.jul").warning("jul from +65 8123 4567");
            java.util.logging.Logger.getLogger("okhttp3.OkHttpClient").info("dropped: okhttp is held at WARN");
        } finally {
            config.getRootLogger().removeAppender(capture.getName());
            global().updateLoggers();
            capture.stop();
        }

        assertThat(capture.lines)
                .extracting(l -> StdoutContext.parse(l).get("message").asText())
                .containsExactly("slf4j from [jid]", "jul from [phone]");
    }

    private static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture(Layout<? extends Serializable> layout) {
            super("auto-configuration-test", null, layout, false, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(String.valueOf(getLayout().toSerializable(event)).strip());
        }
    }
}
