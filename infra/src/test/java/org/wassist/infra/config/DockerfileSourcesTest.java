package org.wassist.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DockerfileSourcesTest {
    @Test
    void copyAndAddSourcesInShellAndJsonFormButNotOtherStages() {
        String dockerfile = """
                FROM debian:trixie-slim AS base
                RUN apt-get update
                COPY --chown=10001:10001 whatsapp-bridge/target/whatsapp-bridge.jar /app/
                copy ["./scripts/start.sh", "conf/", "/opt/"]
                ADD fonts \\
                    /usr/share/fonts/
                COPY --from=base /etc/hosts /tmp/
                """;
        assertThat(DockerfileSources.of(dockerfile))
                .containsExactly("whatsapp-bridge/target/whatsapp-bridge.jar", "scripts/start.sh", "conf", "fonts");
    }

    @Test
    void theBridgeDockerfileCopiesItsJarFromTheRepositoryRoot() throws IOException {
        Path dockerfile = Path.of(System.getProperty("wassist.repo.root", ".."), "whatsapp-bridge", "Dockerfile");
        assertThat(DockerfileSources.of(Files.readString(dockerfile)))
                .contains("whatsapp-bridge/target/whatsapp-bridge.jar");
    }
}
