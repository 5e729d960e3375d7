package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.qr.QrCodes;

/**
 * Shows login prompts to an operator at a terminal. A QR code or pairing code is a credential for a minute or
 * two, so it never goes to the logs: it is written to stderr, and only when stderr is a terminal (or
 * {@code QR_TERMINAL=true} forces it). In a container without a TTY (ECS) stderr is collected into CloudWatch Logs,
 * so nothing is written there; the operator uses the token-protected {@code /qr} page instead.
 */
final class TerminalQr {
    private final boolean enabled;
    private final PrintStream err;

    TerminalQr(@Nullable Boolean setting, PrintStream err) {
        this.enabled = setting != null ? setting : stderrIsTerminal();
        this.err = err;
    }

    boolean enabled() {
        return enabled;
    }

    void qr(String payload) {
        if (enabled) {
            err.print("\nScan with WhatsApp (Linked devices → Link a device):\n" + QrCodes.terminal(payload) + "\n");
            err.flush();
        }
    }

    void pairingCode(String code) {
        if (enabled) {
            err.print("\nWhatsApp pairing code (Linked devices → Link with phone number): " + code + "\n\n");
            err.flush();
        }
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
