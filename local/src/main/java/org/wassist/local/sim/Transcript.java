package org.wassist.local.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.message.MessageCodec;

/**
 * The simulator's durable transcript: one JSON line per entry, forced to disk before an append returns, so it
 * survives a kill -9 of the run. A torn last line (a crash mid-write) is skipped on load. Entries of one chat are
 * appended under that chat's lock, so {@link #appendAfter} can keep a reply from landing before its message.
 */
public final class Transcript implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transcript.class);
    private static final ObjectMapper JSON = MessageCodec.mapper();

    private final FileChannel file;
    private final Map<String, List<TranscriptEntry>> byChat = new LinkedHashMap<>();
    private final ConcurrentMap<String, Object> chatLocks = new ConcurrentHashMap<>();

    private Transcript(FileChannel file) {
        this.file = file;
    }

    public static Transcript open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Transcript t = new Transcript(FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
            t.load(path);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator transcript", e);
        }
    }

    private void load(Path path) throws IOException {
        int skipped = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                TranscriptEntry e = JSON.readValue(line, TranscriptEntry.class);
                byChat.computeIfAbsent(e.chatId(), k -> new ArrayList<>()).add(e);
            } catch (JsonProcessingException torn) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("skipped unreadable transcript lines count={}", skipped);
        }
        file.position(file.size());
    }

    public void append(TranscriptEntry entry) {
        synchronized (chatLock(entry.chatId())) {
            write(entry);
        }
    }

    /**
     * Runs {@code action} (publishing the message), then appends {@code entry}, with no other entry of the same chat
     * in between: the reply to a message cannot be written before the message itself. Appends nothing when the
     * action throws.
     */
    public void appendAfter(TranscriptEntry entry, Runnable action) {
        synchronized (chatLock(entry.chatId())) {
            action.run();
            write(entry);
        }
    }

    private Object chatLock(String chatId) {
        return chatLocks.computeIfAbsent(chatId, k -> new Object());
    }

    private synchronized void write(TranscriptEntry entry) {
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            file.force(false);
            byChat.computeIfAbsent(entry.chatId(), k -> new ArrayList<>()).add(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator transcript", e);
        }
    }

    public synchronized List<TranscriptEntry> chat(String chatId) {
        return List.copyOf(byChat.getOrDefault(chatId, List.of()));
    }

    public synchronized List<String> chats() {
        return List.copyOf(byChat.keySet());
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
