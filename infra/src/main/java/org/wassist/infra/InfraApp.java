package org.wassist.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.config.JsonObjects;
import software.amazon.awscdk.App;

/**
 * The CDK app (cdk.json runs it). Context comes from cdk.json, {@code -c key=value}, and optionally a JSON file named
 * by {@code -c contextFile=…} (see cdk.context.example.json); keys set on the command line win over the file.
 */
public final class InfraApp {
    public static final String CONTEXT_FILE = "contextFile";

    private InfraApp() {}

    public static void main(String[] args) {
        App app = new App();
        applyContextFile(app);
        WassistApp.build(app, InfraConfig.read(key -> app.getNode().tryGetContext(key)));
        app.synth();
    }

    /** Copies the keys of the context file that are not set otherwise into the app's context. */
    static void applyContextFile(App app) {
        Object file = app.getNode().tryGetContext(CONTEXT_FILE);
        if (file == null) {
            return;
        }
        for (Map.Entry<String, @Nullable Object> e :
                readJson(Path.of(String.valueOf(file))).entrySet()) {
            if (!e.getKey().startsWith("_") && app.getNode().tryGetContext(e.getKey()) == null) {
                app.getNode().setContext(e.getKey(), e.getValue());
            }
        }
    }

    static Map<String, @Nullable Object> readJson(Path file) {
        try {
            return JsonObjects.parse(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot read the context file " + file.toAbsolutePath() + " as a JSON object", e);
        }
    }
}
