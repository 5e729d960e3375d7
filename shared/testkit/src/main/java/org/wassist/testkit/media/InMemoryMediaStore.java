package org.wassist.testkit.media;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wassist.media.MediaStore;

/** {@link MediaStore} in a map. Passes {@link MediaStoreContract}. */
public final class InMemoryMediaStore implements MediaStore {
    private final Map<String, StoredMedia> objects = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        MediaKeys.check(key);
        objects.put(key, new StoredMedia(bytes, contentType));
    }

    @Override
    public Optional<StoredMedia> get(String key) {
        MediaKeys.check(key);
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void delete(String key) {
        MediaKeys.check(key);
        objects.remove(key);
    }

    public int size() {
        return objects.size();
    }
}
