package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small journal in the profile directory that makes the catch-up after a restart or reload free of duplicates and
 * of the bridge's own messages: which messages the inbound queue accepted, which messages the bridge sent (so that
 * its replies in the "message yourself" chat, which WhatsApp Web lists like the user's own messages there, are never
 * taken for commands once the page has forgotten it sent them), a watermark (the newest of the delivered timestamps
 * and of the "connected at" marks written while the session is up), and the last WhatsApp Web version seen. Ids are
 * kept as truncated SHA-256 hashes, never the ids. It is an append-only text file ({@link JournalFile}) whose records are written through
 * to the file one by one, compacted to the newest {@value #MAX_IDS} delivered and {@value #MAX_SENT} sent ids when
 * opened. Thread-safe.
 *
 * <p>File format, one record per line: {@code d <epoch-seconds> <hash>} (delivered), {@code s <hash>} (sent by the
 * bridge), {@code c <epoch-seconds>} (connected mark), {@code v <version>}.
 */
final class SessionJournal implements AutoCloseable {
    static final String FILE = "wassist-journal.log";
    static final int MAX_IDS = 20_000;
    /** Twenty times a catch-up page (500 messages): the replies a catch-up can see are mostly recent sends. */
    static final int MAX_SENT = 10_000;

    private final JournalFile file;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private final Set<String> sent = new LinkedHashSet<>();
    private long watermark = -1;
    private @Nullable String version;

    private SessionJournal(JournalFile file) {
        this.file = file;
    }

    static SessionJournal open(Path profileDir) {
        SessionJournal j = new SessionJournal(new JournalFile(profileDir.resolve(FILE)));
        try {
            j.load();
            j.compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the session journal in the profile directory", e);
        }
        return j;
    }

    private void load() throws IOException {
        for (String line : file.read()) {
            try {
                record(line.split(" ", 3));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                // torn line (crash during a write): ignored
            }
        }
    }

    private void record(String[] f) {
        switch (f[0]) {
            case "d" -> {
                long t = Long.parseLong(f[1]);
                delivered.put(f[2], t);
                watermark = Math.max(watermark, t);
            }
            case "s" -> sent.add(f[1]);
            case "c" -> watermark = Math.max(watermark, Long.parseLong(f[1]));
            case "v" -> version = f[1];
            default -> {
                // unknown or torn line: ignored
            }
        }
    }

    private void compact() throws IOException {
        trim();
        List<String> lines = new ArrayList<>();
        if (version != null) {
            lines.add("v " + version);
        }
        if (watermark >= 0) {
            lines.add("c " + watermark);
        }
        delivered.forEach((h, t) -> lines.add("d " + t + " " + h));
        sent.forEach(h -> lines.add("s " + h));
        file.rewrite(lines);
    }

    synchronized boolean contains(String messageId) {
        return delivered.containsKey(hash(messageId));
    }

    /** The inbound queue accepted this message. */
    synchronized void delivered(String messageId, Instant timestamp) {
        String h = hash(messageId);
        long t = timestamp.getEpochSecond();
        if (delivered.put(h, t) == null) {
            file.append("d " + t + " " + h);
        }
        watermark = Math.max(watermark, t);
        trim();
    }

    /**
     * WhatsApp Web accepted a message the bridge sent, with this id. Called before the send counts as done, so the
     * record is on file before the page can list the message in a catch-up.
     */
    synchronized void sent(String messageId) {
        String h = hash(messageId);
        if (sent.add(h)) {
            file.append("s " + h);
        }
        trim();
    }

    synchronized boolean sentByBridge(String messageId) {
        return sent.contains(hash(messageId));
    }

    /** Drops the oldest ids beyond the bounds (insertion order is age order). */
    private void trim() {
        while (delivered.size() > MAX_IDS) {
            delivered.remove(delivered.keySet().iterator().next());
        }
        while (sent.size() > MAX_SENT) {
            sent.remove(sent.iterator().next());
        }
    }

    /** The session is connected and its events are being handled at this time. */
    synchronized void connectedAt(Instant at) {
        watermark = Math.max(watermark, at.getEpochSecond());
        file.append("c " + at.getEpochSecond());
    }

    /** The newest time up to which messages were handled, if the journal has one (none after a fresh link). */
    synchronized Optional<Instant> watermark() {
        return watermark < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(watermark));
    }

    /** Records the WhatsApp Web version; returns the previous one if it differs. */
    synchronized @Nullable String version(String current) {
        String previous = version;
        if (!current.equals(previous)) {
            version = current;
            file.append("v " + current);
            return previous;
        }
        return null;
    }

    static String hash(String messageId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public synchronized void close() {
        file.close();
    }
}
