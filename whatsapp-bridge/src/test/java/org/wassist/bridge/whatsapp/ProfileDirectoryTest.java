package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void createsAMissingDirectoryOwnerOnly() throws Exception {
        Path p = ProfileDirectory.prepare(dir.resolve("a/profile"));
        assertThat(Files.getPosixFilePermissions(p)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void refusesAWiderModeWithAClearMessage() throws Exception {
        Path p = Files.createDirectory(dir.resolve("profile"));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> ProfileDirectory.prepare(p))
                .isInstanceOf(ProfileDirectory.UnsafeProfileException.class)
                .hasMessageContaining("has mode 0755")
                .hasMessageContaining("must be 0700")
                .hasMessageContaining("chmod 700");
    }

    @Test
    void refusesADirectoryOwnedBySomeoneElse() throws Exception {
        Path p = ProfileDirectory.prepare(dir.resolve("profile"));
        int other = Users.currentUid() + 1;
        assertThatThrownBy(() -> ProfileDirectory.prepare(p, other))
                .isInstanceOf(ProfileDirectory.UnsafeProfileException.class)
                .hasMessageContaining("is owned by uid " + Users.currentUid())
                .hasMessageContaining("chown");
    }

    @Test
    void refusesASymbolicLinkAndAFile() throws Exception {
        Path real = ProfileDirectory.prepare(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThatThrownBy(() -> ProfileDirectory.prepare(link)).hasMessageContaining("symbolic link");
        Path file = Files.createFile(dir.resolve("file"));
        assertThatThrownBy(() -> ProfileDirectory.prepare(file)).hasMessageContaining("not a directory");
    }
}
