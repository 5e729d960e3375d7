package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationVersionTest {
    @Test
    void comparesNumericallyPartByPart() {
        List<String> sorted = Stream.of("10", "2", "1.10", "1.2", "1_1", "1")
                .map(MigrationVersion::parse)
                .sorted()
                .map(MigrationVersion::text)
                .toList();
        assertThat(sorted).containsExactly("1", "1.1", "1.2", "1.10", "2", "10");
    }

    @Test
    void trailingZerosAreTheSameVersion() {
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("1.0").hashCode())
                .isEqualTo(MigrationVersion.parse("1").hashCode());
    }

    @Test
    void rejectsNonNumericVersions() {
        assertThatThrownBy(() -> MigrationVersion.parse("1a")).hasMessageContaining("invalid migration version");
    }
}
