package org.wassist.standins.openai;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The fake's behaviour: per-key responses, a queue of scripted chat responses and a default. Thread-safe. */
final class Script {
    private final Queue<FakeResponse> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, FakeResponse> byKey = new ConcurrentHashMap<>();
    private volatile FakeResponse fallback = FakeResponse.echo();

    void enqueue(List<FakeResponse> responses) {
        queue.addAll(responses);
    }

    void forKey(String key, FakeResponse response) {
        byKey.put(key, response);
    }

    void clearKey(String key) {
        byKey.remove(key);
    }

    void byDefault(FakeResponse response) {
        fallback = response;
    }

    int pending() {
        return queue.size();
    }

    void reset() {
        queue.clear();
        byKey.clear();
        fallback = FakeResponse.echo();
    }

    /** For a chat request: the key's response, else the next scripted one (consumed), else the default. */
    FakeResponse forChat(String key) {
        FakeResponse keyed = byKey.get(key);
        if (keyed != null) {
            return keyed;
        }
        FakeResponse next = queue.poll();
        return next != null ? next : fallback;
    }

    /** For a model listing: the key's response, else the default when it is an error, else a plain success. */
    FakeResponse forModels(String key) {
        FakeResponse keyed = byKey.get(key);
        if (keyed != null) {
            return keyed;
        }
        FakeResponse current = fallback;
        return current.isError() ? current : FakeResponse.echo();
    }
}
