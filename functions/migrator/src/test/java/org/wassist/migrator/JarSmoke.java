package org.wassist.migrator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a JVM whose class path is only the shaded jar (and this class): the Lambda entry point's no-arg
 * constructor, wired from the environment, handles a Create event. Argument: the file to write the response to.
 */
public final class JarSmoke {
    private JarSmoke() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> response = new MigratorHandler()
                .handleRequest(Map.of("RequestType", "Create", "LogicalResourceId", "SchemaMigrations"), null);
        Files.writeString(Path.of(args[0]), response.toString(), StandardCharsets.UTF_8);
    }
}
