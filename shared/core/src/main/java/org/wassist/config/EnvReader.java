package org.wassist.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values from environment variables and collects every problem instead of stopping at the first, so a
 * start-up error lists them all. Messages name the variable and the expectation, never the value (it may be secret).
 */
final class EnvReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(String text) {
        problems.add(text);
    }

    Optional<String> optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The value, or the default when unset or blank (the seed system treated an empty prefix as unset too). */
    String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** Like {@link #string}, but keeps surrounding whitespace and allows a deliberately empty value. */
    String text(String name, String fallback) {
        String v = env.get(name);
        return v == null ? fallback : v;
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + " must be true or false");
                yield fallback;
            }
        };
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i < min || i > max) {
                problems.add(name + " must be between " + min + " and " + max);
                return fallback;
            }
            return i;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number between " + min + " and " + max);
            return fallback;
        }
    }

    /** A comma-separated list, or a JSON-style array of strings ({@code ["a","b"]}, single quotes tolerated). */
    List<String> list(String name) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return List.of();
        }
        String s = v.get();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return Arrays.stream(s.split(","))
                .map(x -> x.strip().replaceAll("^[\"']|[\"']$", "").strip())
                .filter(x -> !x.isEmpty())
                .toList();
    }

    URI uri(String name, String fallback) {
        String v = string(name, fallback);
        try {
            URI u = new URI(v);
            if (u.getScheme() == null
                    || u.getHost() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                problems.add(name + " must be an http(s) URL");
                return URI.create(fallback);
            }
            return u;
        } catch (URISyntaxException e) {
            problems.add(name + " must be an http(s) URL");
            return URI.create(fallback);
        }
    }

    @Nullable
    Secret secret(String name) {
        return optional(name).map(Secret::new).orElse(null);
    }
}
