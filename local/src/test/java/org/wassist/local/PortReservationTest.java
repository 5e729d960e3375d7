package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortReservationTest {
    @Test
    void aBusyPortFailsAtOnceWithWhatToDo() throws IOException {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(0));
            int port = other.getLocalPort();

            assertThatThrownBy(() -> PortReservation.of(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PORT " + port + " is already in use")
                    .hasMessageContaining("another PORT");
        }
    }

    @Test
    void theReservedPortIsHeldUntilClosedThenFreeForTheBridge() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PortReservation reservation = PortReservation.of(port);
        assertThatThrownBy(() -> PortReservation.of(port)).isInstanceOf(IllegalStateException.class);

        reservation.close();
        reservation.close();
        try (ServerSocket bridge = new ServerSocket()) {
            bridge.setReuseAddress(true);
            bridge.bind(new InetSocketAddress(port));
            assertThat(bridge.isBound()).isTrue();
        }
    }

    @Test
    void portZeroReservesNothing() {
        try (PortReservation a = PortReservation.of(0);
                PortReservation b = PortReservation.of(0)) {
            assertThat(a).isNotSameAs(b);
        }
    }
}
