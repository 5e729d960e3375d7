package org.wassist.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTimestampsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-01 10:15:30.5",
                "2026-03-01 10:15:30.500000",
                "2026-03-01T10:15:30.500Z",
                "2026-03-01T10:15:30.5z",
                "2026-03-01T12:15:30.5+02:00",
                "2026-03-01 12:15:30.5+02",
                "2026-03-01 05:15:30.5-05"
            })
    void parsesTheDataApiFormatAndIso8601(String text) {
        assertThat(SqlTimestamps.parse(text)).isEqualTo(Instant.parse("2026-03-01T10:15:30.500Z"));
    }

    @Test
    void parsesWholeSecondsAndNanoseconds() {
        assertThat(SqlTimestamps.parse("2026-03-01 10:15:30")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(SqlTimestamps.parse("2026-03-01T10:15:30.123456789Z"))
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456789Z"));
    }

    @Test
    void formatsTheDataApiWayInUtcToTheMicrosecond() {
        assertThat(SqlTimestamps.format(Instant.parse("2026-03-01T10:15:30Z"))).isEqualTo("2026-03-01 10:15:30");
        assertThat(SqlTimestamps.format(Instant.parse("2026-03-01T10:15:30.1234567Z")))
                .isEqualTo("2026-03-01 10:15:30.123456");
        assertThat(SqlTimestamps.format(Instant.parse("2026-03-01T10:15:30.120Z")))
                .isEqualTo("2026-03-01 10:15:30.12");
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> SqlTimestamps.parse("yesterday")).hasMessageContaining("not a timestamp");
    }
}
