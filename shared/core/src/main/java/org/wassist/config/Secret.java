package org.wassist.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** A secret value. It prints as {@code ****} everywhere; only {@link #reveal()} gives the value, at the point of use. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Secret s
                && MessageDigest.isEqual(
                        s.value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
