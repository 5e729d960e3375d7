package org.wassist.bridge.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs every readiness check in parallel, each bounded by the timeout, and combines the results. */
public final class Readiness {
    private final List<ReadinessCheck> checks;
    private final Duration timeout;
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("readiness-", 0).factory());

    public Readiness(List<ReadinessCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    /** One check's outcome. */
    public record Entry(String name, boolean ok, String detail) {}

    /** All outcomes; ready when every check passed. */
    public record Report(boolean ready, List<Entry> checks) {
        public Report {
            checks = List.copyOf(checks);
        }

        /** The failing checks, as {@code name: detail}. */
        public List<String> failing() {
            return checks.stream()
                    .filter(e -> !e.ok())
                    .map(e -> e.name() + ": " + e.detail())
                    .toList();
        }
    }

    public Report evaluate() {
        List<Future<ReadinessCheck.Result>> futures = new ArrayList<>();
        for (ReadinessCheck c : checks) {
            futures.add(pool.submit(c::check));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            entries.add(await(checks.get(i).name(), futures.get(i), deadline));
        }
        return new Report(entries.stream().allMatch(Entry::ok), entries);
    }

    private Entry await(String name, Future<ReadinessCheck.Result> f, long deadline) {
        try {
            ReadinessCheck.Result r = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Entry(name, r.ok(), r.detail());
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Entry(name, false, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Entry(name, false, "check failed: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Entry(name, false, "interrupted");
        }
    }
}
