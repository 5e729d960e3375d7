package org.wassist.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Sends one phase's messages through the simulator API and waits for their replies. */
final class Phases {
    /** How long a phase may wait for its last replies before counting the rest as lost. */
    static final Duration REPLY_DEADLINE = Duration.ofMinutes(5);
    /** Concurrent senders of the burst phase, like many phones at once. */
    static final int BURST_SENDERS = 32;

    private final SimSender sender;
    private final PipelineProbe probe;

    Phases(SimSender sender, PipelineProbe probe) {
        this.sender = sender;
        this.probe = probe;
    }

    /**
     * Open loop at a fixed rate: message {@code i} is sent at {@code start + i / rate}, to chat {@code i % chats},
     * whatever happened to the ones before; one sender, so each chat's messages are sent in order.
     */
    PhaseResult paced(String name, int count, int chats, int rate) {
        List<SimSender.Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(SimSender.message(name, i % chats, i / chats));
        }
        int before = probe.textsPerformed();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            sender.send(messages.get(i));
        }
        awaitReplies(before + count);
        return PhaseResult.of(name, chats, messages, probe);
    }

    /**
     * As fast as the API takes them: {@value #BURST_SENDERS} senders, each posting all messages of its share of the
     * chats back to back (so each chat's messages are still sent in order). Gives the stack's throughput.
     */
    PhaseResult burst(String name, int count, int chats) {
        List<SimSender.Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(SimSender.message(name, i % chats, i / chats));
        }
        int before = probe.textsPerformed();
        int senderCount = Math.min(chats, BURST_SENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < senderCount; s++) {
                int first = s;
                sent.add(senders.submit(() -> {
                    awaitQuietly(go);
                    for (int chat = first; chat < chats; chat += senderCount) {
                        for (int i = chat; i < messages.size(); i += chats) {
                            sender.send(messages.get(i));
                        }
                    }
                }));
            }
            go.countDown();
        }
        sent.forEach(Phases::requireDone);
        awaitReplies(before + count);
        return PhaseResult.of(name, chats, messages, probe);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireDone(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sender failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitReplies(int total) {
        long deadline = System.nanoTime() + REPLY_DEADLINE.toNanos();
        while (probe.textsPerformed() < total && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
