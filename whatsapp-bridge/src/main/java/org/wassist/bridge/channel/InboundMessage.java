package org.wassist.bridge.channel;

import org.jspecify.annotations.Nullable;
import org.wassist.message.Envelope;

/**
 * An inbound message whose media (if any) has not been fetched yet; the forwarder decides whether to fetch it.
 *
 * @param envelope the normalised message; its {@code media} is replaced by the forwarder once the bytes are stored
 * @param media how to fetch the attachment, or null when the message has none
 */
public record InboundMessage(Envelope envelope, @Nullable MediaDownload media) {}
