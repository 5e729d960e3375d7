package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempDirectoryTest {
    @TempDir
    Path root;

    @Test
    void removesOrphansOfDeadProcessesButNotOfLiveOnes() throws Exception {
        Path orphan = Files.createDirectories(root.resolve("wassist-bridge-999999999-1-abc/playwright"));
        Files.writeString(orphan.resolve("f"), "x");
        TempDirectory live = TempDirectory.create(root);
        assertThat(root.resolve("wassist-bridge-999999999-1-abc")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(live.path())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (TempDirectory second = TempDirectory.create(root)) {
            assertThat(live.path()).as("a live process's directory stays").exists();
            assertThat(second.path()).exists();
        }
        Path job = live.newJobDirectory("media");
        Files.writeString(job.resolve("bytes"), "x");
        live.close();
        assertThat(live.path()).doesNotExist();
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsAnOrphan() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path stale = Files.createDirectory(root.resolve("wassist-bridge-" + pid + "-12345-abc"));
        try (TempDirectory t = TempDirectory.create(root)) {
            assertThat(stale).doesNotExist();
            assertThat(t.path()).exists();
        }
    }

    @Test
    void leavesOtherDirectoriesAlone() throws Exception {
        Path other = Files.createDirectory(root.resolve("something-else"));
        Path odd = Files.createDirectory(root.resolve("wassist-bridge-notapid"));
        try (TempDirectory t = TempDirectory.create(root)) {
            assertThat(other).exists();
            assertThat(odd).exists();
            assertThat(t.path()).exists();
        }
    }
}
