package org.wassist.standins.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProjectTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("wassist.standins.node.dir");
        System.clearProperty("wassist.node");
    }

    @Test
    void missingPackagesNameTheInstallCommand() {
        System.setProperty("wassist.standins.node.dir", dir.toString());
        assertThatThrownBy(() -> NodeProject.script("dynalite/cli.js"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci --prefix shared/standins/node");
    }

    @Test
    void missingNodeSaysToInstallIt() {
        System.setProperty("wassist.node", dir.resolve("no-such-node").toString());
        assertThatThrownBy(NodeProject::node)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install Node.js 20 or newer");
    }

    @Test
    void findsTheProjectFromTheRepositoryRoot() {
        assertThat(NodeProject.directory()).endsWith(Path.of("shared", "standins", "node"));
        assertThat(NodeProject.directory().resolve("package.json")).exists();
    }
}
