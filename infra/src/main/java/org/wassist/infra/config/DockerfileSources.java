package org.wassist.infra.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The build-context paths a Dockerfile copies ({@code COPY}/{@code ADD} sources, not {@code --from} stages). The
 * bridge image is built with the repository root as its context; only the Dockerfile and these paths are sent to
 * Docker (and hashed by CDK), not the whole repository.
 */
public final class DockerfileSources {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern COMMAS = Pattern.compile(",");

    private DockerfileSources() {}

    public static List<String> of(String dockerfile) {
        List<String> sources = new ArrayList<>();
        for (String line : dockerfile.replace("\\\n", " ").lines().toList()) {
            String[] words = SPACES.split(line.strip(), 2);
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (words.length < 2 || !(instruction.equals("COPY") || instruction.equals("ADD"))) {
                continue;
            }
            List<String> args = arguments(words[1].strip());
            if (args.stream().anyMatch(a -> a.startsWith("--from"))) {
                continue;
            }
            List<String> paths = args.stream().filter(a -> !a.startsWith("--")).toList();
            for (int i = 0; i < paths.size() - 1; i++) {
                sources.add(normalise(paths.get(i)));
            }
        }
        return List.copyOf(sources);
    }

    /** Shell form ({@code a b dest}) or JSON form ({@code ["a", "b", "dest"]}). */
    private static List<String> arguments(String rest) {
        if (rest.startsWith("[") && rest.endsWith("]")) {
            return Arrays.stream(COMMAS.split(rest.substring(1, rest.length() - 1)))
                    .map(s -> s.strip().replaceAll("^\"|\"$", ""))
                    .toList();
        }
        return List.of(SPACES.split(rest));
    }

    private static String normalise(String source) {
        String s = source.startsWith("./") ? source.substring(2) : source;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
