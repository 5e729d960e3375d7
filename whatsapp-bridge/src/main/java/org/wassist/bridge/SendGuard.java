package org.wassist.bridge;

/**
 * The stop handshake between {@link OutboundPump#close} and the pump thread. A stop interrupts the thread while it
 * waits (a receive, pacing, typing), but never between {@link #enter} and {@link #exit}, which span a send and its
 * acknowledgement: WhatsApp cannot take a send back, so a started send is finished and deleted rather than left to be
 * sent again.
 */
final class SendGuard {
    private final Object lock = new Object();
    private boolean sending;
    private volatile boolean stopping;

    /** Called before a send; refuses to start one once stopping. */
    void enter() throws InterruptedException {
        synchronized (lock) {
            if (stopping) {
                throw new InterruptedException("stopping");
            }
            // A stale interrupt must not cut the send short.
            Thread.interrupted();
            sending = true;
        }
    }

    void exit() {
        synchronized (lock) {
            sending = false;
        }
    }

    /** Marks the pump as stopping, and interrupts {@code worker} unless it is inside a send. */
    void stop(Thread worker) {
        synchronized (lock) {
            stopping = true;
            if (!sending) {
                worker.interrupt();
            }
        }
    }

    boolean stopping() {
        return stopping;
    }
}
