package org.wassist.config;

import java.util.List;

/** The configuration is invalid; every problem is listed, one per line, without secret values. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String[] problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = problems.toArray(String[]::new);
    }

    public List<String> problems() {
        return List.of(problems);
    }
}
