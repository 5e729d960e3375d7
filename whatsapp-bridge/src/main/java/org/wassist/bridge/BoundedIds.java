package org.wassist.bridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A thread-safe set of ids that forgets the least recently touched ones beyond its size, so memory stays bounded. */
final class BoundedIds {
    private final Set<String> ids;

    BoundedIds(int capacity) {
        this.ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    void add(String id) {
        ids.add(id);
    }

    boolean contains(String id) {
        return ids.contains(id);
    }
}
