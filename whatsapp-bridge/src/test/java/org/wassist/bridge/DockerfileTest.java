package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code whatsapp-bridge/Dockerfile} keeps the properties docs/whatsapp-bridge.md promises: Debian's Chromium from apt
 * and no browser download, a non-root user (uid 10001) owning an owner-only profile directory, /tmp as the only other
 * writable place (the deployment's root filesystem is read-only), tini as PID 1, and a health check. The tests read
 * the file as instructions (comments dropped, continuation lines joined); building and running the image is
 * scripts/container-check.sh's part (ContainerCheck). The JVM options are {@link JvmOptionsTest}'s subject.
 */
class DockerfileTest {
    private static final Path DOCKERFILE =
            Path.of(System.getProperty("wassist.repo.root", ".."), "whatsapp-bridge", "Dockerfile");

    private static final List<String> INSTRUCTIONS = read();

    private static List<String> read() {
        try {
            return instructions(Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instructions in order, each on one line with its continuations joined. */
    static List<String> instructions(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continues) {
                out.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return out;
    }

    private static List<String> all(String keyword) {
        String prefix = keyword.toUpperCase(Locale.ROOT) + " ";
        return INSTRUCTIONS.stream().filter(i -> i.startsWith(prefix)).toList();
    }

    private static String last(String keyword) {
        List<String> found = all(keyword);
        assertThat(found).as("%s instructions", keyword).isNotEmpty();
        return found.get(found.size() - 1);
    }

    @Test
    void chromiumNodeAndTiniComeFromAptAndNoBrowserIsDownloaded() {
        List<String> installs =
                all("RUN").stream().filter(i -> i.contains("apt-get install")).toList();
        assertThat(installs).hasSize(1);
        List<String> words = Arrays.asList(installs.get(0).split(" "));
        assertThat(words).contains("chromium", "nodejs", "tini", "--no-install-recommends");

        assertThat(String.join("\n", INSTRUCTIONS))
                .doesNotContain("playwright install")
                .doesNotContain("curl ")
                .doesNotContain("wget ");
        assertThat(all("ENV")).anyMatch(e -> e.contains("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1"));
    }

    @Test
    void theBaseIsDebianTrixieSlimUnlessTheCheckScriptNamesItsLocalCopy() {
        assertThat(INSTRUCTIONS.get(0)).isEqualTo("ARG BASE_IMAGE=debian:trixie-slim");
        assertThat(all("FROM")).containsExactly("FROM ${BASE_IMAGE}");
    }

    @Test
    void theManDirectoryOpenJdksPostInstallNeedsIsMadeBeforeTheInstall() {
        String install = all("RUN").stream()
                .filter(i -> i.contains("apt-get install"))
                .findFirst()
                .orElseThrow();

        assertThat(install).startsWith("RUN mkdir -p /usr/share/man/man1 && apt-get update && ");
    }

    @Test
    void theProcessRunsAsUid10001() {
        assertThat(last("USER")).matches("USER 10001(:10001)?");
        assertThat(all("RUN"))
                .anyMatch(r -> r.contains("useradd") && r.contains("--uid 10001") && r.contains("--gid 10001"));
        assertThat(INSTRUCTIONS.indexOf(last("USER")))
                .as("the user is set before the entrypoint")
                .isLessThan(INSTRUCTIONS.indexOf(last("ENTRYPOINT")));
    }

    @Test
    void theProfileDirectoryIsOwnerOnlyAndOwnedByTheBridgeUser() {
        String profile = all("RUN").stream()
                .filter(r -> r.contains("/data/profile"))
                .findFirst()
                .orElseThrow();

        assertThat(profile)
                .contains("mkdir -p /data/profile")
                .contains("chown 10001:10001 /data/profile")
                .containsPattern("chmod 0?700 /data/profile");
        assertThat(all("ENV")).anyMatch(e -> e.contains("PROFILE_DIR=/data/profile"));
        assertThat(all("VOLUME")).anyMatch(v -> v.contains("/data/profile"));
    }

    @Test
    void tmpIsAVolumeTheBridgeUserOwnsAndEveryTempAndCacheDirectoryIsUnderIt() {
        String setup = all("RUN").stream()
                .filter(r -> r.contains("useradd"))
                .findFirst()
                .orElseThrow();
        String volume = last("VOLUME");

        assertThat(setup).contains("chown 10001:10001 /tmp").contains("chmod 1777 /tmp");
        assertThat(volume).isEqualTo("VOLUME [\"/data/profile\", \"/tmp\"]");
        assertThat(INSTRUCTIONS.indexOf(volume))
                .as("declared after the directories are prepared: Docker discards later changes to a volume")
                .isGreaterThan(INSTRUCTIONS.indexOf(setup));
        assertThat(all("ENV"))
                .anyMatch(e -> e.contains("BRIDGE_TEMP_DIR=/tmp ")
                        && e.contains("TMPDIR=/tmp ")
                        && e.contains("XDG_CACHE_HOME=/tmp/")
                        && e.contains("XDG_CONFIG_HOME=/tmp/"));
    }

    @Test
    void tiniIsPidOneAndStartsTheJar() {
        String entrypoint = last("ENTRYPOINT");

        assertThat(entrypoint).startsWith("ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"java\"");
        assertThat(entrypoint).endsWith("\"-jar\", \"/app/whatsapp-bridge.jar\"]");
        assertThat(all("CMD")).as("no CMD that would replace the arguments").isEmpty();
    }

    @Test
    void aHealthCheckAsksHealthzOnThePort() {
        String health = last("HEALTHCHECK");

        assertThat(health).contains("CMD").contains("/dev/tcp/127.0.0.1/8080").contains("GET /healthz");
        assertThat(all("EXPOSE")).containsExactly("EXPOSE 8080");
    }

    @Test
    void continuationLinesAreJoinedAndCommentsDropped() {
        List<String> parsed = instructions(List.of("# a comment", "RUN a \\", "      b \\", " c", "", "USER 1"));

        assertThat(parsed).containsExactly("RUN a b c", "USER 1");
    }
}
