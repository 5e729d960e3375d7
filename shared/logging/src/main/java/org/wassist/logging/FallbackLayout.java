package org.wassist.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;

/**
 * The layout used when the JSON template layout cannot start, typically a fat jar whose log4j2 plugin caches were not
 * merged (docs/adr/0005-logging.md). It needs no log4j2 plugin at all. Lines stay JSON and redacted, marked
 * {@code "logFormat":"fallback"}, with the exception's class but no stack.
 */
final class FallbackLayout extends AbstractStringLayout {
    FallbackLayout() {
        super(StandardCharsets.UTF_8);
    }

    @Override
    public String toSerializable(LogEvent event) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"timestamp\":");
        quote(sb, Instant.ofEpochMilli(event.getTimeMillis()).toString());
        sb.append(",\"level\":");
        quote(sb, event.getLevel().name());
        sb.append(",\"logger\":");
        quote(sb, String.valueOf(event.getLoggerName()));
        sb.append(",\"message\":");
        quote(
                sb,
                event.getMessage() == null
                        ? ""
                        : LogText.redacted(event.getMessage().getFormattedMessage()));
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            sb.append(",\"error\":{\"class\":");
            quote(sb, thrown.getClass().getName());
            sb.append('}');
        }
        sb.append(",\"logFormat\":\"fallback\"}\n");
        return sb.toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
