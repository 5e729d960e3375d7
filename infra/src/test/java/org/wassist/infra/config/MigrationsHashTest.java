package org.wassist.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MigrationsHashTest {
    private static Path dir() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path dir = Files.createTempDirectory(tmp, "migrations");
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE EXTENSION IF NOT EXISTS vector;\n");
        return dir;
    }

    @Test
    void sameFilesGiveTheSameHash() throws IOException {
        assertThat(MigrationsHash.of(dir())).isEqualTo(MigrationsHash.of(dir())).hasSize(64);
    }

    @Test
    void aNewMigrationChangesTheHash() throws IOException {
        Path dir = dir();
        String before = MigrationsHash.of(dir);
        Files.writeString(dir.resolve("V2__memory.sql"), "CREATE TABLE t (id int);\n");
        assertThat(MigrationsHash.of(dir)).isNotEqualTo(before);
    }

    @Test
    void anEditedMigrationChangesTheHash() throws IOException {
        Path dir = dir();
        String before = MigrationsHash.of(dir);
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE EXTENSION IF NOT EXISTS vector; -- edited\n");
        assertThat(MigrationsHash.of(dir)).isNotEqualTo(before);
    }

    @Test
    void aRenamedMigrationChangesTheHash() throws IOException {
        Path dir = dir();
        String before = MigrationsHash.of(dir);
        Files.move(dir.resolve("V1__init.sql"), dir.resolve("V1__start.sql"));
        assertThat(MigrationsHash.of(dir)).isNotEqualTo(before);
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> MigrationsHash.of(Path.of("no/such/dir")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("migrationsDir")
                .hasMessageContaining("is not a folder");
    }
}
