package org.wassist.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wassist.media.MediaStore;

/** What every {@link MediaStore} must do. Keys are unique per test, so a shared bucket can run the suite. */
public abstract class MediaStoreContract {
    protected abstract MediaStore store();

    protected static String newKey() {
        return "media/" + UUID.randomUUID() + "/voice.ogg";
    }

    @Test
    void returnsTheBytesAndContentTypePut() {
        String key = newKey();
        byte[] bytes = {0, 1, (byte) 0xff, 42};
        store().put(key, bytes, "audio/ogg");
        MediaStore.StoredMedia got = store().get(key).orElseThrow();
        assertThat(got.bytes()).containsExactly(bytes);
        assertThat(got.size()).isEqualTo(4);
        assertThat(got.contentType()).isEqualTo("audio/ogg");
    }

    @Test
    void anUnknownKeyIsEmpty() {
        assertThat(store().get(newKey())).isEmpty();
    }

    @Test
    void aSecondPutReplacesTheObject() {
        String key = newKey();
        store().put(key, new byte[] {1}, "image/png");
        store().put(key, new byte[] {2, 3}, "image/jpeg");
        MediaStore.StoredMedia got = store().get(key).orElseThrow();
        assertThat(got.bytes()).containsExactly(2, 3);
        assertThat(got.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() {
        String key = newKey();
        store().put(key, new byte[] {1}, "image/png");
        store().delete(key);
        store().delete(key);
        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void emptyObjectsAreStored() {
        String key = newKey();
        store().put(key, new byte[0], "application/octet-stream");
        assertThat(store().get(key).orElseThrow().size()).isZero();
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThatThrownBy(() -> store().put("", new byte[] {1}, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
