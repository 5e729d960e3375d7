package org.wassist.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values from CDK context and collects every problem instead of stopping at the first. Values come as
 * JSON types from cdk.json or a context file, or as strings from {@code cdk -c key=value}; both are accepted.
 */
final class ContextReader {
    private final Function<String, @Nullable Object> lookup;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Function<String, @Nullable Object> lookup) {
        this.lookup = lookup;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(String text) {
        problems.add(text);
    }

    /** The value as text, or null when unset or blank. */
    @Nullable
    String optional(String key) {
        Object v = lookup.apply(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    String string(String key, String fallback) {
        String v = optional(key);
        return v == null ? fallback : v;
    }

    int integer(String key, int fallback, int min, int max) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a whole number between " + min + " and " + max);
        return fallback;
    }

    double number(String key, double fallback, double min, double max) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a number between " + min + " and " + max);
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key + " must be true or false");
                yield fallback;
            }
        };
    }

    /** One of the given names (case-insensitive), mapped to its value. */
    <T> T choice(String key, T fallback, Map<String, T> allowed) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        T t = allowed.get(v.toLowerCase(Locale.ROOT));
        if (t == null) {
            problems.add(key + " must be one of " + String.join(", ", new TreeSet<>(allowed.keySet())));
            return fallback;
        }
        return t;
    }

    /** A JSON object (from a context file) or its JSON text (from {@code -c key='{...}'}); empty when unset. */
    Map<String, @Nullable Object> object(String key) {
        Object v = lookup.apply(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> map) {
            return JsonObjects.copy(map);
        }
        try {
            return JsonObjects.parse(String.valueOf(v));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(key + " must be a JSON object of names to values");
            return Map.of();
        }
    }
}
