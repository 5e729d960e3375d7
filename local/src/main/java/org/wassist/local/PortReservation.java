package org.wassist.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jspecify.annotations.Nullable;

/**
 * Holds {@code PORT} from the start of the run until the bridge binds it. Without it, a stand-in picking a free port
 * while starting could take {@code PORT} and shadow the simulator; and a busy port fails at once, before the
 * stand-ins take seconds to start only to be stopped again.
 */
final class PortReservation implements AutoCloseable {
    private @Nullable ServerSocket socket;

    private PortReservation(@Nullable ServerSocket socket) {
        this.socket = socket;
    }

    /** Binds {@code port} on all interfaces, as the bridge will; 0 (any free port) reserves nothing. */
    static PortReservation of(int port) {
        if (port == 0) {
            return new PortReservation(null);
        }
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return new PortReservation(s);
        } catch (IOException e) {
            closeQuietly(s);
            throw new IllegalStateException(
                    "PORT " + port + " is already in use (is another local run still running?): stop that program"
                            + " or start with another PORT, e.g. PORT=8081",
                    e);
        }
    }

    /** Releases the port for the bridge; idempotent. */
    @Override
    public synchronized void close() {
        closeQuietly(socket);
        socket = null;
    }

    private static void closeQuietly(@Nullable ServerSocket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the reserved port", e);
        }
    }
}
