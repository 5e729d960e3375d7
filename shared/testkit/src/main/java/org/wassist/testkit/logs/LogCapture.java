package org.wassist.testkit.logs;

import java.io.Serializable;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wassist.logging.JsonLogConfiguration;

/**
 * Captures every line the process logs through log4j2 (SLF4J, log4j2 and bridged {@code java.util.logging}, from any
 * thread) while attached. It adds an appender to the root logger that formats with the very layout instance of the
 * stdout appender of {@code org.wassist:logging}, so each captured line is exactly the JSON line written to stdout
 * (without its line break), redaction included.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     ... run the code ...
 *     PiiScan.knowing(List.of(phone, jid, text)).assertClean(logs.lines());
 * }
 * // or, per test method:
 * @RegisterExtension final LogCapture logs = LogCapture.perTest();
 * }</pre>
 */
public final class LogCapture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private @Nullable LineAppender appender;

    private LogCapture() {}

    /** A capture that is already recording; close it to stop. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    /** A JUnit extension that records from each test's start to its end, starting empty every time. */
    public static LogCapture perTest() {
        return new LogCapture();
    }

    /** The lines captured so far, in the order they were written. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clear();
        attach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Stops recording; the lines captured stay readable. */
    @Override
    public synchronized void close() {
        LineAppender a = appender;
        if (a == null) {
            return;
        }
        appender = null;
        LoggerContext context = context();
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(a.getName());
        if (config instanceof AbstractConfiguration abstractConfig) {
            abstractConfig.removeAppender(a.getName());
        }
        context.updateLoggers();
        a.stop();
    }

    private synchronized void attach() {
        if (appender != null) {
            return;
        }
        LoggerContext context = context();
        Configuration config = context.getConfiguration();
        LineAppender a = new LineAppender("wassist-log-capture-" + IDS.incrementAndGet(), stdoutLayout(config), lines);
        a.start();
        config.addAppender(a);
        config.getRootLogger().addAppender(a, null, null);
        context.updateLoggers();
        appender = a;
    }

    /** The layout the stdout appender writes with; captured lines are formatted by the same instance. */
    static Layout<? extends Serializable> stdoutLayout(Configuration config) {
        Appender stdout = config.getAppender(JsonLogConfiguration.STDOUT_APPENDER);
        if (stdout == null) {
            throw new IllegalStateException("log4j2 is not configured by org.wassist:logging (no appender "
                    + JsonLogConfiguration.STDOUT_APPENDER + "): is another log4j2 configuration, or another SLF4J"
                    + " provider, on the test classpath?");
        }
        return stdout.getLayout();
    }

    static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    private static final class LineAppender extends AbstractAppender {
        private final Queue<String> lines;

        LineAppender(String name, Layout<? extends Serializable> layout, Queue<String> lines) {
            // ignoreExceptions: a capture must never make the code under test fail.
            super(name, null, layout, true, Property.EMPTY_ARRAY);
            this.lines = lines;
        }

        @Override
        public void append(LogEvent event) {
            String line = String.valueOf(getLayout().toSerializable(event));
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
                end--;
            }
            lines.add(line.substring(0, end));
        }
    }
}
