package org.wassist.testkit.media;

import org.wassist.media.MediaStore;

class InMemoryMediaStoreTest extends MediaStoreContract {
    private final InMemoryMediaStore store = new InMemoryMediaStore();

    @Override
    protected MediaStore store() {
        return store;
    }
}
