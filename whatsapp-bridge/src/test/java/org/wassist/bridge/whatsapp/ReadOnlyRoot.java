package org.wassist.bridge.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wassist.standins.Await;

/**
 * The image on a read-only root filesystem, as an ECS task with {@code readonlyRootFilesystem}: /tmp and
 * /data/profile are volumes. A new named podman volume starts as a copy of the image's directory, mode and owner
 * included, which is what ECS does for a bind mount at a path the image declares as {@code VOLUME}; at any other path
 * ECS mounts an empty directory owned by root with mode 0755, tried as the second scenario.
 */
final class ReadOnlyRoot {
    static final String TMP = ContainerCheck.NAME + "-ro-tmp";
    static final String PROFILE = ContainerCheck.NAME + "-ro-profile";
    private static final List<String> READ_ONLY = List.of("--read-only", "--read-only-tmpfs=false");
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"([^\"]*)\"");

    private final ContainerCheck check;
    private final Verdicts v;

    ReadOnlyRoot(ContainerCheck check, Verdicts v) {
        this.check = check;
        this.v = v;
    }

    static void removeVolumes() {
        BridgeContainer.podman("volume", "rm", "--force", TMP, PROFILE, ContainerCheck.PROFILE);
    }

    void volumesForTmpAndProfile() throws IOException {
        removeVolumes();
        List<String> options = with("--volume", TMP + ":/tmp", "--volume", PROFILE + ":/data/profile");
        try (BridgeContainer c = check.start("read-only", options)) {
            v.check(
                    "/healthz answers 200",
                    Await.until(() -> c.status("/healthz") == 200, ContainerCheck.WAIT),
                    () -> ContainerCheck.tail(c.logs()));
            check.linkAndRelay(c);
            check.stopsGracefully(c);
            List<String> refused = c.logs()
                    .lines()
                    .filter(l -> l.contains("Read-only file system"))
                    .toList();
            v.check("no write to the read-only root failed (none logged)", refused.isEmpty(), refused::toString);
            Path tmp = Path.of(BridgeContainer.podman("volume", "inspect", "--format", "{{.Mountpoint}}", TMP)
                    .orThrow()
                    .output()
                    .strip());
            try (Stream<Path> left = Files.list(tmp)) {
                List<String> ours = left.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("wassist-bridge-"))
                        .toList();
                v.check("no temp files of the bridge are left in the /tmp volume", ours.isEmpty(), ours::toString);
            }
        }
    }

    /** Reported, not checked: which of the two ways of mounting /tmp the task definition can use. */
    void rootOwnedTmp() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "wcc-tmp-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        BridgeContainer.podman("volume", "rm", "--force", PROFILE);
        List<String> options = with("--volume", dir + ":/tmp", "--volume", PROFILE + ":/data/profile");
        try (BridgeContainer c = check.start("root-owned-tmp", options)) {
            Await.until(() -> !c.running() || c.body("/readyz").contains("state=unpaired"), ContainerCheck.WAIT);
            v.info(
                    c.running()
                            ? "the bridge started and attached with /tmp an empty root-owned 0755 directory"
                            : "with /tmp an empty root-owned 0755 directory (an ECS bind mount at a path the image"
                                    + " does not declare as VOLUME) the bridge exits with code "
                                    + c.inspect("{{.State.ExitCode}}") + ": " + firstError(c.logs()));
        } finally {
            ShortTempDir.delete(dir);
        }
    }

    private static List<String> with(String... options) {
        List<String> all = new ArrayList<>(READ_ONLY);
        all.addAll(Arrays.asList(options));
        return all;
    }

    private static String firstError(String log) {
        return log.lines()
                .filter(l -> l.contains("\"level\":\"ERROR\"") || !l.startsWith("{"))
                .findFirst()
                .map(l -> {
                    Matcher m = MESSAGE.matcher(l);
                    return m.find() ? m.group(1) : l;
                })
                .orElse("nothing logged");
    }
}
