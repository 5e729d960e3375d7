package org.wassist.message;

import org.jspecify.annotations.Nullable;

/** A shared location. */
public record Location(
        double latitude,
        double longitude,
        @Nullable String name,
        @Nullable String address) {}
