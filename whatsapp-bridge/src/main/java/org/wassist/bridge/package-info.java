/**
 * The bridge process: {@link org.wassist.bridge.BridgeApp} (HTTP front, inbound forwarding, outbound pump, shutdown)
 * around a {@link org.wassist.bridge.channel.Channel}, and {@link org.wassist.bridge.BridgeMain} that wires it from the
 * environment.
 */
@NullMarked
package org.wassist.bridge;

import org.jspecify.annotations.NullMarked;
