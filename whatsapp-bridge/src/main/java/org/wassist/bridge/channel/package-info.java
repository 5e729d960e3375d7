/**
 * The channel abstraction the bridge drives: WhatsApp Web through Chromium in production, the chat simulator locally.
 * A channel delivers {@link org.wassist.bridge.channel.InboundMessage}s to an {@link
 * org.wassist.bridge.channel.InboundSink} and performs outbound commands.
 */
@NullMarked
package org.wassist.bridge.channel;

import org.jspecify.annotations.NullMarked;
