package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's user, read from {@code /proc/self} (owned by the effective uid), without extra JDK modules. */
final class Users {
    private Users() {}

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process's user id from /proc/self", e);
        }
    }

    static boolean isRoot() {
        return currentUid() == 0;
    }
}
