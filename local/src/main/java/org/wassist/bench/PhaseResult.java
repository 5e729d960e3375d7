package org.wassist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one phase measured: per message its times, and whether replies were lost, repeated or out of order. */
record PhaseResult(String name, int chats, List<PipelineProbe.Times> times, int lost, int repeated, int disordered) {
    static PhaseResult of(String name, int chats, List<SimSender.Message> messages, PipelineProbe probe) {
        List<PipelineProbe.Times> times = new ArrayList<>();
        int lost = 0;
        int repeated = 0;
        Map<String, List<String>> expectedByChat = new TreeMap<>();
        for (SimSender.Message m : messages) {
            PipelineProbe.Times t = probe.times(m.messageId(), m.prompt());
            int replies = probe.replies(m.messageId());
            if (replies == 0 || t.accepted() == 0 || t.modelStart() == 0) {
                lost++;
            } else {
                times.add(t);
            }
            repeated += Math.max(0, replies - 1);
            expectedByChat.computeIfAbsent(m.chatId(), k -> new ArrayList<>()).add(m.messageId() + "#1");
        }
        int disordered = 0;
        for (Map.Entry<String, List<String>> chat : expectedByChat.entrySet()) {
            List<String> seen = probe.performedIn(chat.getKey()).stream()
                    .filter(chat.getValue()::contains)
                    .distinct()
                    .toList();
            disordered += seen.equals(chat.getValue()) ? 0 : 1;
        }
        return new PhaseResult(name, chats, List.copyOf(times), lost, repeated, disordered);
    }

    int size() {
        return times.size() + lost;
    }
}
