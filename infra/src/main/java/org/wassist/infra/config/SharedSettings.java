package org.wassist.infra.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Settings the router and the bridge must agree on, given once in either {@code appSettings} or
 * {@code bridgeSettings}: {@code MEDIA_MAX_MB} is both the limit the bridge enforces and the one the router quotes to
 * users (error E203). A value in one map is copied to the other; two different values are refused.
 */
final class SharedSettings {
    static final List<String> NAMES = List.of("MEDIA_MAX_MB");

    /** The router's and the bridge's settings, each holding every shared setting either of them was given. */
    record Agreed(Map<String, String> app, Map<String, String> bridge) {}

    private SharedSettings() {}

    static Agreed agree(ContextReader context, Map<String, String> app, Map<String, String> bridge) {
        Map<String, String> forApp = new TreeMap<>(app);
        Map<String, String> forBridge = new TreeMap<>(bridge);
        for (String name : NAMES) {
            @Nullable String inApp = app.get(name);
            @Nullable String inBridge = bridge.get(name);
            if (inApp != null && inBridge != null && !inApp.strip().equals(inBridge.strip())) {
                context.problem("appSettings." + name + " (" + inApp + ") and bridgeSettings." + name + " ("
                        + inBridge + ") differ: the router quotes to users the limit the bridge enforces; set "
                        + name + " once, in either");
            } else if (inApp != null) {
                forBridge.put(name, inApp);
            } else if (inBridge != null) {
                forApp.put(name, inBridge);
            }
        }
        return new Agreed(Collections.unmodifiableMap(forApp), Collections.unmodifiableMap(forBridge));
    }
}
