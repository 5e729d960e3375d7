package org.wassist.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A server on loopback that accepts every connection, reads what is sent and never answers: the stand-in for a
 * service that hangs, which a client must give up on by its own timeouts. Closing it drops every connection.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final Queue<Socket> accepted = new ConcurrentLinkedQueue<>();

    private SilentServer(ServerSocket server) {
        this.server = server;
    }

    /** Starts listening on a free loopback port. */
    public static SilentServer start() {
        try {
            SilentServer s = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().name("silent-server").start(s::acceptForever);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the silent server", e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        InetSocketAddress a = (InetSocketAddress) server.getLocalSocketAddress();
        return URI.create("http://127.0.0.1:" + a.getPort());
    }

    /** How many connections it has accepted so far. */
    public int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread.ofVirtual().start(() -> drain(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Reads and discards the request, so the client is never blocked writing it; answers nothing. */
    private static void drain(Socket socket) {
        byte[] buffer = new byte[8192];
        try {
            while (socket.getInputStream().read(buffer) >= 0) {
                // discard
            }
        } catch (IOException closed) {
            // the client gave up, or the server is closing
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
