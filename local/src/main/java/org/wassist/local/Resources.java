package org.wassist.local;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the local run started, stopped in reverse order of starting. A part that fails to stop is logged (by type and
 * exception class only) and the others still stop. Idempotent.
 */
final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Registers {@code resource} to be closed, and returns it. */
    synchronized <T extends AutoCloseable> T own(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable r = started.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn(
                        "shutdown step failed type={} cause={}",
                        r.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
