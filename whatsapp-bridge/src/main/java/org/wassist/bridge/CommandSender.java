package org.wassist.bridge;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.media.MediaStore;
import org.wassist.message.OutboundCommand;

/**
 * Performs one command as a person would: it waits for its pacing turn, shows typing before a text, then hands the
 * command to the channel. The batch lease hears of every wait and every send first, so the commands still waiting in
 * the batch stay invisible. A media command reads its object from the store before anything else. From the send to
 * the end of its acknowledgement a stop cannot interrupt: an interrupted delete would leave a sent command to be
 * received and sent again.
 */
final class CommandSender {
    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);

    private final Channel channel;
    private final MediaStore media;
    private final Pacer pacer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SendGuard guard;
    private final Duration sendTimeout;

    CommandSender(
            Channel channel,
            MediaStore media,
            Pacer pacer,
            Clock clock,
            Sleeper sleeper,
            SendGuard guard,
            Duration sendTimeout) {
        this.channel = channel;
        this.media = media;
        this.pacer = pacer;
        this.clock = clock;
        this.sleeper = sleeper;
        this.guard = guard;
        this.sendTimeout = sendTimeout;
    }

    /** Returns once the channel accepted the command and {@code accepted} (the acknowledgement) ran. */
    void send(OutboundCommand cmd, BatchLease lease, Runnable accepted) throws ChannelException, InterruptedException {
        MediaStore.StoredMedia stored = mediaFor(cmd);
        boolean paced = !(cmd instanceof OutboundCommand.SetPresence);
        if (paced) {
            hold(pacer.delay(cmd.chatId(), clock.instant()), lease);
        }
        if (cmd instanceof OutboundCommand.SendText text && pacer.typingEnabled()) {
            typeFirst(text, lease);
        }
        perform(cmd, stored, lease, accepted);
        if (paced) {
            pacer.sent(cmd.chatId(), clock.instant());
        }
    }

    /** Typing is a courtesy: when it cannot be shown, the text goes anyway. */
    private void typeFirst(OutboundCommand.SendText text, BatchLease lease) throws InterruptedException {
        OutboundCommand.SetPresence typing = new OutboundCommand.SetPresence(
                text.commandId() + ":typing", text.chatId(), OutboundCommand.Presence.TYPING);
        try {
            perform(typing, null, lease, () -> {});
        } catch (ChannelException e) {
            LOG.info("typing state not shown: {}", e.code());
            return;
        }
        hold(pacer.typing(text.text()), lease);
    }

    private void perform(
            OutboundCommand cmd, MediaStore.@Nullable StoredMedia stored, BatchLease lease, Runnable accepted)
            throws ChannelException, InterruptedException {
        lease.cover(clock.instant(), sendTimeout);
        guard.enter();
        try {
            channel.perform(cmd, stored);
            accepted.run();
        } finally {
            guard.exit();
        }
    }

    /** Waits in steps of at most one visibility timeout, covering the batch before each step. */
    private void hold(Duration wait, BatchLease lease) throws InterruptedException {
        Duration left = wait;
        while (left.isPositive()) {
            Duration step = left.compareTo(lease.visibility()) > 0 ? lease.visibility() : left;
            lease.cover(clock.instant(), step);
            sleeper.sleep(step);
            left = left.minus(step);
        }
    }

    private MediaStore.@Nullable StoredMedia mediaFor(OutboundCommand cmd) throws ChannelException {
        String key = switch (cmd) {
            case OutboundCommand.SendImage c -> c.storageKey();
            case OutboundCommand.SendVoiceNote c -> c.storageKey();
            case OutboundCommand.SendDocument c -> c.storageKey();
            case OutboundCommand.SendText c -> null;
            case OutboundCommand.SendReaction c -> null;
            case OutboundCommand.SetPresence c -> null;
        };
        if (key == null) {
            return null;
        }
        try {
            return media.get(key)
                    .orElseThrow(() ->
                            new ChannelException(ChannelException.Code.MEDIA_MISSING, "media object not found", false));
        } catch (RuntimeException e) {
            throw new ChannelException(
                    ChannelException.Code.MEDIA_STORE,
                    "media store unavailable: " + e.getClass().getSimpleName(),
                    true,
                    e);
        }
    }
}
