package org.wassist.infra.config;

import java.util.List;

/** The deployment's context is invalid; every problem is listed, one per line, naming the context key. */
public final class InfraConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String[] problems;

    public InfraConfigException(List<String> problems) {
        super("invalid CDK context (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "; see docs/operations.md, section Context keys):\n  - " + String.join("\n  - ", problems));
        this.problems = problems.toArray(String[]::new);
    }

    public List<String> problems() {
        return List.of(problems);
    }
}
