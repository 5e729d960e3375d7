package org.wassist.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FlywayChecksumTest {
    @Test
    void isTheCrc32OfTheLinesWithoutTerminators() {
        CRC32 crc = new CRC32();
        crc.update("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        crc.update("SELECT 'ä';".getBytes(StandardCharsets.UTF_8));
        assertThat(FlywayChecksum.of("SELECT 1;\nSELECT 'ä';\n")).isEqualTo((int) crc.getValue());
    }

    @Test
    void ignoresLineEndingsAndAByteOrderMark() {
        int lf = FlywayChecksum.of("a\nb\n");
        assertThat(FlywayChecksum.of("a\r\nb\r\n")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("a\rb")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("\uFEFFa\nb")).isEqualTo(lf);
    }

    @Test
    void changesWithAnyOtherEdit() {
        assertThat(FlywayChecksum.of("a\nb")).isNotEqualTo(FlywayChecksum.of("a\nb "));
        assertThat(FlywayChecksum.of("")).isZero();
    }
}
