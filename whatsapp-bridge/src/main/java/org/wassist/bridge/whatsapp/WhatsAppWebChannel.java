package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.bridge.TempDirectory;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.observability.Pseudonyms;

/**
 * WhatsApp Web in Chromium as a {@link Channel}. The constructor checks the profile directory (refusing an unsafe
 * one) and opens the journal; {@link #start} starts the browser thread. Other threads never touch Playwright: a send
 * or a media download is a {@link BrowserTask} the browser thread runs, and its caller waits for the result.
 */
public final class WhatsAppWebChannel implements Channel {
    static final String SCRIPT_RESOURCE = "/org/wassist/bridge/whatsapp/wassist-bridge.js";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebChannel.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration RUN_MARGIN = Duration.ofMinutes(5);

    private final WhatsAppSettings settings;
    private final Duration sendTimeout;
    private final SessionTracker tracker = new SessionTracker();
    private final SessionJournal journal;
    private final PageEvents events;
    private final BrowserLoop loop;
    private final BlockingQueue<BrowserTask<?>> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param sendTimeout how long a send may wait for the browser thread before it counts as failed (retryable)
     * @param terminal where QR codes are drawn when a terminal is attached (stderr in production)
     * @throws ProfileDirectory.UnsafeProfileException when the profile directory is not owner-only (0700) or not
     *     owned by the process's user
     */
    public WhatsAppWebChannel(
            WhatsAppSettings settings,
            TempDirectory temp,
            Duration sendTimeout,
            Clock clock,
            Pseudonyms pseudonyms,
            PrintStream terminal) {
        this.settings = settings;
        this.sendTimeout = sendTimeout;
        ProfileDirectory.prepare(settings.profileDir());
        DriverDirectory.ensure();
        this.journal = SessionJournal.open(settings.profileDir());
        this.events = new PageEvents(
                tracker, journal, new TerminalQr(settings.qrTerminal(), terminal), clock, pseudonyms, this::download);
        this.loop = new BrowserLoop(settings, temp.path(), script(), tracker, journal, events, tasks, clock);
        this.thread = new Thread(loop, "browser");
    }

    static String script() {
        try (InputStream in = WhatsAppWebChannel.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the injected script is missing from the jar: " + SCRIPT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the injected script", e);
        }
    }

    @Override
    public void start(InboundSink sink) {
        events.sink(sink);
        LOG.info("starting WhatsApp Web: {}", settings);
        thread.start();
    }

    @Override
    public void perform(OutboundCommand command, MediaStore.@Nullable StoredMedia media) throws ChannelException {
        if (!tracker.status().ready()) {
            throw new ChannelException(
                    ChannelException.Code.NOT_CONNECTED, "the WhatsApp session is not connected", true);
        }
        submit(s -> {
            // On the browser thread, so the id is on file before a catch-up can list the message.
            PageCommands.perform(s, command, media, journal::sent);
            return Boolean.TRUE;
        });
    }

    private byte[] download(String messageId, long maxBytes) throws ChannelException {
        return submit(s -> PageCommands.download(s, messageId, maxBytes));
    }

    private <T> T submit(BrowserTask.Work<T> work) throws ChannelException {
        if (closed) {
            throw new ChannelException(ChannelException.Code.UNAVAILABLE, "the channel is closed", true);
        }
        BrowserTask<T> task = new BrowserTask<>(work, System.nanoTime() + sendTimeout.toNanos());
        tasks.add(task);
        try {
            return task.future.get(sendTimeout.plus(RUN_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChannelException ce) {
                throw ce;
            }
            throw new ChannelException(ChannelException.Code.PAGE_ERROR, "browser task failed", true, e);
        } catch (TimeoutException e) {
            throw new ChannelException(ChannelException.Code.TIMEOUT, "the browser did not answer in time", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(
                    ChannelException.Code.INTERRUPTED, "interrupted while waiting for the browser", true, e);
        }
    }

    @Override
    public ChannelStatus status() {
        return tracker.status();
    }

    @Override
    public void delivered(Envelope envelope) {
        journal.delivered(envelope.messageId(), envelope.timestamp());
        events.ledger().delivered(envelope.messageId());
    }

    @Override
    public void inboundResumed() {
        loop.inboundResumed();
    }

    @Override
    public boolean alive() {
        return closed || (thread.isAlive() && loop.alive());
    }

    @Override
    public LoginPrompt loginPrompt() {
        return tracker.prompt();
    }

    /** Stops the browser thread after its current task and closes the browser, waiting up to 30 s. */
    @Override
    public void close() {
        close(STOP_WAIT);
    }

    /** As {@link #close()}, waiting at most {@code within} for the browser to close. */
    @Override
    public void close(Duration within) {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop();
        try {
            thread.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the browser thread did not stop within {} ms", within.toMillis());
        }
        journal.close();
    }
}
