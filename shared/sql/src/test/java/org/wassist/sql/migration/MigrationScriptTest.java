package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {
    @Test
    void parsesFlywayNames() {
        MigrationScript s = MigrationScript.of("V2_1__file_iq_chunks.sql", "SELECT 1;");
        assertThat(s.version().text()).isEqualTo("2.1");
        assertThat(s.description()).isEqualTo("file iq chunks");
        assertThat(s.scriptName()).isEqualTo("V2_1__file_iq_chunks.sql");
        assertThat(s.checksum()).isEqualTo(FlywayChecksum.of("SELECT 1;"));
    }

    @Test
    void rejectsOtherNamesAndPlaceholders() {
        assertThatThrownBy(() -> MigrationScript.of("R__views.sql", "SELECT 1"))
                .hasMessageContaining("V<version>__<description>.sql");
        assertThatThrownBy(() -> MigrationScript.of("V1_memory.sql", "SELECT 1"))
                .isInstanceOf(MigrationException.class);
        assertThatThrownBy(() -> MigrationScript.of("V1__x.sql", "SELECT '${user}'"))
                .hasMessageContaining("placeholder");
    }

    @Test
    void statementsSkipAByteOrderMark() {
        assertThat(MigrationScript.of("V1__x.sql", "\uFEFFSELECT 1;SELECT 2;").statements())
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void twoScriptsWithOneVersionAreRefused() {
        List<MigrationScript> scripts =
                List.of(MigrationScript.of("V1__a.sql", "SELECT 1"), MigrationScript.of("V1.0__b.sql", "SELECT 2"));
        assertThatThrownBy(() -> BundledMigrations.ordered(scripts)).hasMessageContaining("two migrations");
    }

    @Test
    void theBundledListNamesEveryFileInTheMigrationFolderInVersionOrder() throws IOException {
        Path folder = Path.of(System.getProperty("wassist.repo.root", "../.."))
                .resolve("shared/sql/src/main/resources/db/migration");
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(BundledMigrations.SCRIPTS).containsExactlyInAnyOrderElementsOf(files);
        List<MigrationScript> loaded = BundledMigrations.load();
        assertThat(loaded).extracting(MigrationScript::scriptName).containsExactlyInAnyOrderElementsOf(files);
        assertThat(loaded.getFirst().version().text()).isEqualTo("1");
    }

    @Test
    void theMemoryMigrationCreatesTheVectorExtensionFirst() {
        List<String> statements = BundledMigrations.load().getFirst().statements();
        assertThat(statements.getFirst()).endsWith("CREATE EXTENSION IF NOT EXISTS vector");
        assertThat(Transactionality.of(BundledMigrations.load().getFirst())).isEqualTo(Transactionality.TRANSACTIONAL);
    }
}
