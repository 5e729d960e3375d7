package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Chromium's profile directory holds the linked session's keys: whoever can read it can use the WhatsApp account.
 * The bridge therefore only uses a directory that is a real directory (not a symbolic link), owned by the process's
 * user and with mode exactly 0700; anything else stops the start with a message that says how to fix it. A missing
 * directory is created with 0700.
 */
public final class ProfileDirectory {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private ProfileDirectory() {}

    /** The directory is unsafe to hold a session; the message names the problem and the fix. */
    public static final class UnsafeProfileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnsafeProfileException(String message) {
            super(message);
        }
    }

    /** Creates the directory when missing; checks it otherwise. Returns the checked path. */
    public static Path prepare(Path dir) {
        return prepare(dir, Users.currentUid());
    }

    static Path prepare(Path dir, int uid) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            check(dir, uid);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the profile directory " + dir, e);
        }
    }

    static void check(Path dir, int uid) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new UnsafeProfileException("PROFILE_DIR " + dir
                    + " is a symbolic link; point PROFILE_DIR at the real directory (it holds the WhatsApp session)");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeProfileException("PROFILE_DIR " + dir + " is not a directory");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid) {
            throw new UnsafeProfileException("PROFILE_DIR " + dir + " is owned by uid " + owner
                    + " but the bridge runs as uid " + uid + "; it holds the WhatsApp session keys, so it must belong"
                    + " to the bridge's user: chown " + uid + " " + dir);
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!mode.equals(OWNER_ONLY)) {
            int bits = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
            throw new UnsafeProfileException("PROFILE_DIR " + dir + " has mode " + String.format("0%o", bits)
                    + "; it must be 0700 (owner-only) because it holds the WhatsApp session keys: chmod 700 " + dir);
        }
    }
}
