package org.wassist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.wassist.bridge.channel.Channel;
import org.wassist.bridge.channel.ChannelException;
import org.wassist.bridge.channel.ChannelStatus;
import org.wassist.bridge.channel.InboundSink;
import org.wassist.bridge.channel.LoginPrompt;
import org.wassist.inbound.InboundPublisher;
import org.wassist.local.LocalWiring;
import org.wassist.media.MediaStore;
import org.wassist.message.Envelope;
import org.wassist.message.OutboundCommand;
import org.wassist.model.ChatMessage;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;
import org.wassist.model.Speaker;

/**
 * Timestamps ({@link System#nanoTime()}) taken inside the running stack through {@link LocalWiring.Hooks}: when the
 * inbound queue accepted a message (the publisher returned), when the router's model call started and ended (keyed
 * by the prompt, unique per benchmark message), and when the channel was handed each text command to perform.
 */
final class PipelineProbe {
    /** The times of one message; {@code 0} where not seen (yet). */
    record Times(long accepted, long modelStart, long modelEnd, long performed) {}

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, long[]> model = new ConcurrentHashMap<>();
    private final Map<String, Long> performed = new ConcurrentHashMap<>();
    private final Map<String, Integer> performCount = new ConcurrentHashMap<>();
    private final Map<String, List<String>> performedByChat = new ConcurrentHashMap<>();
    private final AtomicInteger texts = new AtomicInteger();

    LocalWiring.Hooks hooks() {
        return new LocalWiring.Hooks(TimedChannel::new, TimedPublisher::new, TimedModel::new);
    }

    /** Text commands performed so far. */
    int textsPerformed() {
        return texts.get();
    }

    Times times(String messageId, String prompt) {
        long[] m = model.getOrDefault(prompt, new long[2]);
        return new Times(
                accepted.getOrDefault(messageId, 0L), m[0], m[1], performed.getOrDefault(messageId + "#1", 0L));
    }

    /** How often the reply to this message was performed (1 expected). */
    int replies(String messageId) {
        return performCount.getOrDefault(messageId + "#1", 0);
    }

    /** The command ids performed in this chat, in order. */
    List<String> performedIn(String chatId) {
        List<String> ids = performedByChat.getOrDefault(chatId, List.of());
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    private final class TimedPublisher implements InboundPublisher {
        private final InboundPublisher delegate;

        TimedPublisher(InboundPublisher delegate) {
            this.delegate = delegate;
        }

        @Override
        public void publish(Envelope envelope) {
            delegate.publish(envelope);
            accepted.putIfAbsent(envelope.messageId(), System.nanoTime());
        }
    }

    private final class TimedModel implements ChatModel {
        private final ChatModel delegate;

        TimedModel(ChatModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public ChatReply complete(ChatRequest request) {
            long start = System.nanoTime();
            ChatReply reply = delegate.complete(request);
            long end = System.nanoTime();
            List<ChatMessage> messages = request.messages();
            ChatMessage last = messages.get(messages.size() - 1);
            if (last.speaker() == Speaker.USER) {
                model.put(last.content(), new long[] {start, end});
            }
            return reply;
        }
    }

    private final class TimedChannel implements Channel {
        private final Channel delegate;

        TimedChannel(Channel delegate) {
            this.delegate = delegate;
        }

        @Override
        public void start(InboundSink sink) {
            delegate.start(sink);
        }

        @Override
        public void perform(OutboundCommand command, MediaStore.@Nullable StoredMedia media) throws ChannelException {
            if (command instanceof OutboundCommand.SendText) {
                long now = System.nanoTime();
                String id = command.commandId();
                performed.putIfAbsent(id, now);
                performCount.merge(id, 1, Integer::sum);
                List<String> ids = performedByChat.computeIfAbsent(command.chatId(), k -> new ArrayList<>());
                synchronized (ids) {
                    ids.add(id);
                }
                texts.incrementAndGet();
            }
            delegate.perform(command, media);
        }

        @Override
        public ChannelStatus status() {
            return delegate.status();
        }

        @Override
        public void delivered(Envelope envelope) {
            delegate.delivered(envelope);
        }

        @Override
        public boolean alive() {
            return delegate.alive();
        }

        @Override
        public LoginPrompt loginPrompt() {
            return delegate.loginPrompt();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
