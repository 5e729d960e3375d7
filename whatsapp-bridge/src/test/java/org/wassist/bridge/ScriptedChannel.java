package org.wassist.bridge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.InboundMessage;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;

/** A channel for the app's tests: records what it performs, fails on request, and lets the test push messages. */
final class ScriptedChannel implements Channel {
    /** One performed command and the size of the media handed with it (-1 for none). */
    record Performed(OutboundCommand command, int mediaSize) {}

    private final List<Performed> performed = new ArrayList<>();
    private final Deque<ChannelException> failures = new ArrayDeque<>();
    private final List<Envelope> delivered = new ArrayList<>();
    private volatile ChannelStatus status = new ChannelStatus("connected", true, List.of());
    private volatile LoginPrompt prompt = LoginPrompt.NONE;
    private volatile boolean alive = true;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.time.@Nullable Duration closeBudget;
    private @Nullable InboundSink sink;

    @Override
    public synchronized void start(InboundSink s) {
        this.sink = s;
    }

    /** Offers the message to the sink; true when the sink took it. */
    boolean receive(InboundMessage m) {
        InboundSink s;
        synchronized (this) {
            s = sink;
        }
        if (s == null) {
            throw new IllegalStateException("not started");
        }
        return s.accept(m);
    }

    @Override
    public synchronized void perform(OutboundCommand command, MediaStore.@Nullable StoredMedia media)
            throws ChannelException {
        performed.add(new Performed(command, media == null ? -1 : media.size()));
        ChannelException f = failures.poll();
        if (f != null) {
            throw f;
        }
    }

    synchronized void failNext(ChannelException e) {
        failures.add(e);
    }

    synchronized List<Performed> performed() {
        return List.copyOf(performed);
    }

    synchronized List<OutboundCommand> commands() {
        return performed.stream().map(Performed::command).toList();
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    void status(ChannelStatus s) {
        status = s;
    }

    @Override
    public synchronized void delivered(Envelope envelope) {
        delivered.add(envelope);
    }

    synchronized List<Envelope> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public void inboundResumed() {
        resumed.incrementAndGet();
    }

    /** How often the sink said it has room again after refusing messages. */
    int resumed() {
        return resumed.get();
    }

    @Override
    public boolean alive() {
        return alive;
    }

    void alive(boolean value) {
        alive = value;
    }

    @Override
    public LoginPrompt loginPrompt() {
        return prompt;
    }

    void prompt(LoginPrompt p) {
        prompt = p;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void close(java.time.Duration within) {
        closeBudget = within;
        close();
    }

    /** What the app left for closing the channel, once closed. */
    java.time.@Nullable Duration closeBudget() {
        return closeBudget;
    }

    boolean closed() {
        return closed;
    }
}
