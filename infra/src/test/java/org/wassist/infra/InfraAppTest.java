package org.wassist.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wassist.infra.config.JsonObjects;
import software.amazon.awscdk.App;

class InfraAppTest {
    @Test
    void contextFileFillsWhatTheCommandLineDidNotSet() throws IOException {
        TestApps.fixtures(); // creates the temp dir before jsii starts
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "context", ".json");
        Files.writeString(file, """
                {"_keys": {"region": "documentation only"},
                 "region": "eu-west-1", "account": "111111111111",
                 "availability-zones:account=111111111111:region=eu-west-1": ["eu-west-1a", "eu-west-1b"],
                 "appSettings": {"PRE_PROMPT": "Hi"}}
                """);
        App app = App.Builder.create()
                .context(Map.of(InfraApp.CONTEXT_FILE, file.toString(), "account", "222222222222"))
                .build();
        InfraApp.applyContextFile(app);
        assertThat(app.getNode().tryGetContext("region")).isEqualTo("eu-west-1");
        assertThat(app.getNode().tryGetContext("account")).isEqualTo("222222222222");
        assertThat(app.getNode().tryGetContext("availability-zones:account=111111111111:region=eu-west-1"))
                .isEqualTo(List.of("eu-west-1a", "eu-west-1b"));
        assertThat(String.valueOf(app.getNode().tryGetContext("appSettings"))).contains("PRE_PROMPT");
        assertThat(app.getNode().tryGetContext("_keys")).isNull();
    }

    @Test
    void anUnreadableContextFileIsAClearError() {
        TestApps.fixtures();
        App app = App.Builder.create()
                .context(Map.of(InfraApp.CONTEXT_FILE, "no/such/context.json"))
                .build();
        assertThatThrownBy(() -> InfraApp.applyContextFile(app))
                .hasMessageContaining("cannot read the context file")
                .hasMessageContaining("context.json");
    }

    @Test
    void exampleContextIsValidAndSynthesisesOffline() throws IOException {
        Path example = Path.of(System.getProperty("wassist.repo.root", ".."), "infra", "cdk.context.example.json");
        Map<String, Object> context = new java.util.HashMap<>();
        JsonObjects.parse(Files.readString(example)).forEach((k, v) -> {
            if (!k.startsWith("_") && v != null) {
                context.put(k, v);
            }
        });
        // The real build outputs are not needed here; the stand-ins take their place.
        context.keySet()
                .removeAll(List.of("routerJar", "migratorJar", "bridgeContext", "bridgeDockerfile", "migrationsDir"));
        TestApps.Synth synth = TestApps.synth(context);
        assertThat(synth.templates()).hasSize(6);
        assertThat(Templates.json(synth.template("Functions").toJSON())).contains("PRE_PROMPT");
    }
}
