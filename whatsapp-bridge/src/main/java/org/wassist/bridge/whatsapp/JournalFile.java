package org.wassist.bridge.whatsapp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session journal's file: an append-only text file of one record per line, owner-only (0600). It is read once,
 * then replaced atomically by its compacted form, and from then on each record is written through to the file as it
 * is appended, so a crash loses at most the line being written (a torn line is skipped when read). Not thread-safe:
 * the journal serialises its calls.
 */
final class JournalFile implements AutoCloseable {
    private final Path file;
    private @Nullable BufferedWriter out;

    JournalFile(Path file) {
        this.file = file;
    }

    /** The lines on file, none when there is no file yet. */
    List<String> read() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** Replaces the file by {@code lines} (through a temporary file and an atomic move), then appends to it. */
    void rewrite(List<String> lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Writes one record through to the file; does nothing once closed. */
    void append(String line) {
        BufferedWriter w = out;
        if (w == null) {
            return;
        }
        try {
            w.write(line);
            w.newLine();
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session journal", e);
        }
    }

    @Override
    public void close() {
        BufferedWriter w = out;
        out = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // nothing buffered: every record was flushed when written
            }
        }
    }
}
