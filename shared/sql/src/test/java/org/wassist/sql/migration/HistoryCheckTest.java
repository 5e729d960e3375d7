package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {
    private static final MigrationScript V1 = MigrationScript.of("V1__memory.sql", "SELECT 1");
    private static final MigrationScript V2 = MigrationScript.of("V2__files.sql", "SELECT 2");
    private static final MigrationScript V3 = MigrationScript.of("V3__more.sql", "SELECT 3");

    private static SchemaHistory.Entry applied(int rank, MigrationScript s) {
        return new SchemaHistory.Entry(rank, s.version(), s.description(), "SQL", s.checksum(), true);
    }

    private static SchemaHistory.Entry entry(
            int rank, String version, String description, String type, @Nullable Integer checksum, boolean success) {
        return new SchemaHistory.Entry(rank, MigrationVersion.parse(version), description, type, checksum, success);
    }

    @Test
    void anEmptyHistoryHasNothingApplied() {
        HistoryCheck check = new HistoryCheck(List.of());
        check.validate(List.of(V1, V2));
        assertThat(check.isApplied(V1)).isFalse();
        assertThat(check.current()).isNull();
    }

    @Test
    void appliedScriptsAreRecognisedAndTheNewestIsCurrent() {
        HistoryCheck check = new HistoryCheck(List.of(applied(1, V1), applied(2, V2)));
        check.validate(List.of(V1, V2, V3));
        assertThat(check.isApplied(V2)).isTrue();
        assertThat(check.isApplied(V3)).isFalse();
        assertThat(check.current()).isEqualTo(V2.version());
    }

    @Test
    void anEditedScriptIsRefused() {
        HistoryCheck check = new HistoryCheck(List.of(entry(1, "1", "memory", "SQL", 12345, true)));
        assertThatThrownBy(() -> check.validate(List.of(V1))).hasMessageContaining("was changed after it was applied");
    }

    @Test
    void aRenamedDescriptionIsRefused() {
        HistoryCheck check = new HistoryCheck(List.of(entry(1, "1", "old name", "SQL", V1.checksum(), true)));
        assertThatThrownBy(() -> check.validate(List.of(V1))).hasMessageContaining("was applied as 'old name'");
    }

    @Test
    void aFailedMigrationBlocksEverything() {
        assertThatThrownBy(() -> new HistoryCheck(List.of(entry(1, "1", "memory", "SQL", V1.checksum(), false))))
                .hasMessageContaining("failed migration V1");
    }

    @Test
    void anUnappliedOlderScriptIsRefused() {
        HistoryCheck check = new HistoryCheck(List.of(applied(1, V2)));
        assertThatThrownBy(() -> check.validate(List.of(V1, V2))).hasMessageContaining("older than the applied");
    }

    @Test
    void anAppliedMigrationMissingLocallyIsRefusedUnlessItIsNewerThanEveryScript() {
        HistoryCheck missing = new HistoryCheck(List.of(applied(1, V1), applied(2, V2), applied(3, V3)));
        assertThatThrownBy(() -> missing.validate(List.of(V1, V3))).hasMessageContaining("V2 has no script");
        HistoryCheck future = new HistoryCheck(List.of(applied(1, V1), applied(2, V2), applied(3, V3)));
        future.validate(List.of(V1, V2));
        assertThat(future.current()).isEqualTo(V3.version());
    }

    @Test
    void aBaselineCoversEveryVersionUpToIt() {
        HistoryCheck check = new HistoryCheck(List.of(entry(1, "2", "<< Flyway Baseline >>", "BASELINE", null, true)));
        check.validate(List.of(V1, V2, V3));
        assertThat(check.isApplied(V1)).isTrue();
        assertThat(check.isApplied(V2)).isTrue();
        assertThat(check.isApplied(V3)).isFalse();
        assertThat(check.current()).isEqualTo(V2.version());
    }
}
