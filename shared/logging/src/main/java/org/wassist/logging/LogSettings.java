package org.wassist.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.jspecify.annotations.Nullable;

/**
 * What the environment says about logging.
 *
 * @param level root level: {@code LOG_LEVEL}, else Lambda's {@code AWS_LAMBDA_LOG_LEVEL} (set by advanced logging
 *     controls), else INFO
 * @param service the {@code service} field: {@code LOG_SERVICE}, else {@code AWS_LAMBDA_FUNCTION_NAME}, else
 *     {@value #DEFAULT_SERVICE}
 * @param problems settings that were ignored, described without their values
 */
public record LogSettings(Level level, String service, List<String> problems) {
    public static final String DEFAULT_SERVICE = "wassist";
    private static final int MAX_SERVICE = 64;

    public LogSettings {
        problems = List.copyOf(problems);
    }

    public static LogSettings from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String levelName = firstSet(env, "LOG_LEVEL", "AWS_LAMBDA_LOG_LEVEL");
        Level level = Level.INFO;
        if (levelName != null) {
            Level parsed = parseLevel(levelName);
            if (parsed == null) {
                problems.add("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL or OFF; using INFO");
            } else {
                level = parsed;
            }
        }
        String service = firstSet(env, "LOG_SERVICE", "AWS_LAMBDA_FUNCTION_NAME");
        return new LogSettings(level, service == null ? DEFAULT_SERVICE : sanitise(service), problems);
    }

    /** A level name in any case, with the common aliases WARNING and CRITICAL; null when unknown. */
    static @Nullable Level parseLevel(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE", "ALL" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARN;
            case "ERROR" -> Level.ERROR;
            case "FATAL", "CRITICAL" -> Level.FATAL;
            case "OFF" -> Level.OFF;
            default -> null;
        };
    }

    private static @Nullable String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Keeps the service name a plain identifier: it is written into every line and read by log queries. */
    static String sanitise(String service) {
        String s = service.strip().replaceAll("[^A-Za-z0-9._-]", "-");
        s = s.length() > MAX_SERVICE ? s.substring(0, MAX_SERVICE) : s;
        return s.isEmpty() ? DEFAULT_SERVICE : s;
    }
}
