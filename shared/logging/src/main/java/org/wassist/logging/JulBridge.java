package org.wassist.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * Routes {@code java.util.logging} (used by okhttp and parts of the JDK) into log4j2, replacing JUL's default console
 * handler, so those records are JSON and redacted like everything else.
 */
final class JulBridge {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private JulBridge() {}

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            // Levels are not propagated: that would reach back into log4j2 while it is still configuring. JUL keeps
            // its INFO default, and log4j2's levels filter further.
            Log4jBridgeHandler.install(true, null, false);
        }
    }
}
