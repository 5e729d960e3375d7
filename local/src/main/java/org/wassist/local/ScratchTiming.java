package org.wassist.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.wassist.dedupe.ProcessedMessages;
import org.wassist.memory.ConversationStore;
import org.wassist.memory.Exchange;
import org.wassist.memory.Turn;
import org.wassist.message.OutboundCommand;
import org.wassist.outbox.Outbox;

final class ScratchTiming {
    static final Map<String, ConcurrentLinkedQueue<Long>> T = new ConcurrentHashMap<>();

    static <R> R time(String name, Supplier<R> s) {
        long t0 = System.nanoTime();
        try {
            return s.get();
        } finally {
            T.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
        }
    }

    static void dump() {
        T.forEach((k, q) -> {
            long[] a = q.stream().mapToLong(Long::longValue).sorted().toArray();
            if (a.length == 0) return;
            System.err.printf("SCRATCH %-20s n=%5d p50=%.2f p90=%.2f p99=%.2f max=%.2f%n", k, a.length,
                    a[a.length / 2] / 1e6, a[(int) (a.length * .9)] / 1e6, a[(int) (a.length * .99)] / 1e6, a[a.length - 1] / 1e6);
        });
    }

    record PM(ProcessedMessages d) implements ProcessedMessages {
        public Claim claim(String key, Instant now, Duration lease) { return time("ddb.claim", () -> d.claim(key, now, lease)); }
        public void complete(String key, Instant now, Duration keepFor) { time("ddb.complete", () -> { d.complete(key, now, keepFor); return 0; }); }
        public void release(String key) { d.release(key); }
    }

    record CS(ConversationStore d) implements ConversationStore {
        public List<Turn> recent(String c, int l) { return time("pg.recent", () -> d.recent(c, l)); }
        public Optional<Exchange> find(String c, String m) { return time("pg.find", () -> d.find(c, m)); }
        public boolean append(String c, Exchange e) { return time("pg.append", () -> d.append(c, e)); }
        public int clear(String c) { return d.clear(c); }
    }

    record OB(Outbox d) implements Outbox {
        public void send(OutboundCommand c) { time("sqs.outbox", () -> { d.send(c); return 0; }); }
    }
}
