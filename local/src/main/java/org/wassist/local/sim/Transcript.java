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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.message.MessageCodec;

/**
 * The simulator's durable transcript: one JSON line per entry, forced to disk before an append returns, so it
 * survives a kill -9 of the run. A torn last line (a crash mid-write) is cut off on load.
 *
 * <p>A reply is never listed without the message it answers: {@link #appendThen} writes the message before it is
 * published, so whatever the assistant answers comes after it, even across a kill -9 between the two. A message whose
 * publishing failed is withdrawn (a {@code withdrawn} line, which hides it), unless a reply to it is listed: then the
 * queue took it after all.
 */
public final class Transcript implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transcript.class);
    private static final ObjectMapper JSON = MessageCodec.mapper();

    private final FileChannel file;
    private final Map<String, List<TranscriptEntry>> byChat = new LinkedHashMap<>();
    /** Per chat, the incoming entries whose publishing failed. */
    private final Map<String, Set<TranscriptEntry>> withdrawn = new HashMap<>();

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

    /** Reads every complete line; a torn last line is cut off, so the next append starts on a line of its own. */
    private void load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        int skipped = complete < bytes.length ? 1 : 0;
        for (String line :
                new String(bytes, 0, complete, StandardCharsets.UTF_8).lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                remember(JSON.readValue(line, TranscriptEntry.class));
            } catch (JsonProcessingException unreadable) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("skipped unreadable transcript lines count={}", skipped);
        }
        file.truncate(complete);
        file.position(complete);
    }

    public void append(TranscriptEntry entry) {
        synchronized (chatLock(entry.chatId())) {
            write(entry);
        }
    }

    /**
     * Appends {@code entry} (a message coming in), durably, then runs {@code publish}, with no other entry of the same
     * chat in between. When publishing throws, the entry is withdrawn and the exception rethrown.
     *
     * @throws NotWritten when the entry could not be written; {@code publish} did not run
     */
    public void appendThen(TranscriptEntry entry, Runnable publish) {
        synchronized (chatLock(entry.chatId())) {
            write(entry);
            try {
                publish.run();
            } catch (RuntimeException e) {
                withdraw(entry, e);
                throw e;
            }
        }
    }

    /** Hides {@code entry} now; the {@code withdrawn} line keeps it hidden after a restart, if it can be written. */
    private void withdraw(TranscriptEntry entry, RuntimeException cause) {
        try {
            write(entry.withdrawal());
        } catch (NotWritten e) {
            remember(entry.withdrawal());
            cause.addSuppressed(e);
            LOG.error("could not record a withdrawn simulator message: it shows again after a restart");
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
            remember(entry);
        } catch (IOException e) {
            throw new NotWritten(e);
        }
    }

    private synchronized void remember(TranscriptEntry entry) {
        if (entry.direction().equals(TranscriptEntry.WITHDRAWN)) {
            withdrawn.computeIfAbsent(entry.chatId(), k -> new HashSet<>()).add(entry.withdrawnEntry());
        } else {
            byChat.computeIfAbsent(entry.chatId(), k -> new ArrayList<>()).add(entry);
        }
    }

    /** The chat's entries in order, without withdrawn messages that nothing answered afterwards. */
    public synchronized List<TranscriptEntry> chat(String chatId) {
        List<TranscriptEntry> entries = byChat.getOrDefault(chatId, List.of());
        Set<TranscriptEntry> hidden = withdrawn.getOrDefault(chatId, Set.of());
        List<TranscriptEntry> shown = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TranscriptEntry e = entries.get(i);
            if (!hidden.contains(e) || answeredAfter(entries, i)) {
                shown.add(e);
            }
        }
        return List.copyOf(shown);
    }

    /** Whether a reply to the message at {@code index} follows it: reply ids are the message id, # and a number. */
    private static boolean answeredAfter(List<TranscriptEntry> entries, int index) {
        String replyPrefix = entries.get(index).messageId() + "#";
        return entries.subList(index + 1, entries.size()).stream()
                .anyMatch(e -> e.direction().equals(TranscriptEntry.OUT)
                        && e.messageId().startsWith(replyPrefix));
    }

    /** The chats that list at least one entry, in the order they first appeared. */
    public synchronized List<String> chats() {
        return byChat.keySet().stream().filter(c -> !chat(c).isEmpty()).toList();
    }

    /** The transcript file could not be written (disk full?). */
    public static final class NotWritten extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        NotWritten(IOException cause) {
            super("cannot write the simulator transcript", cause);
        }
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
