package org.wassist.sql.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of an SQL migration: a CRC32 over the script's lines, each read without its line terminator
 * ({@code \n}, {@code \r\n} or {@code \r}) and encoded as UTF-8, after stripping a byte-order mark from the first line.
 * So line-ending changes do not alter it; any other edit does.
 */
final class FlywayChecksum {
    private static final char BOM = '\uFEFF';

    private FlywayChecksum() {}

    static int of(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(script))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
