package org.wassist.standins.dynamodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Finds Node and the stand-ins' npm project ({@code shared/standins/node}) and says precisely what to install when
 * either is missing. The project directory comes from {@code -Dwassist.standins.node.dir}, else from {@code
 * wassist.repo.root} (set for test JVMs) or the {@code WASSIST_REPO_ROOT} environment variable, else from the working
 * directory or one of its parents.
 */
final class NodeProject {
    static final String RELATIVE_DIR = "shared/standins/node";
    static final String INSTALL_HINT = "run `npm ci --prefix " + RELATIVE_DIR + "` in the repository root";
    private static final long VERSION_TIMEOUT_SECONDS = 20;

    private NodeProject() {}

    /** The Node executable: {@code -Dwassist.node}, else {@code node} on the PATH. Fails if it cannot run. */
    static String node() {
        String node = System.getProperty("wassist.node", "node");
        try {
            Process p = new ProcessBuilder(node, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + node + " --version` did not answer");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("`" + node + " --version` failed with status " + p.exitValue());
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Node.js is needed for the DynamoDB stand-in (dynalite) but `" + node
                            + "` cannot be run: install Node.js 20 or newer and put it on the PATH"
                            + " (or set -Dwassist.node=/path/to/node), then " + INSTALL_HINT,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Node.js", e);
        }
    }

    /** The entry script of an installed npm package, e.g. {@code dynalite/cli.js}. */
    static Path script(String packageRelativePath) {
        Path dir = directory();
        Path script = dir.resolve("node_modules").resolve(packageRelativePath);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(
                    "the stand-ins' npm packages are not installed (" + script + " is missing): " + INSTALL_HINT);
        }
        return script;
    }

    static Path directory() {
        String explicit = System.getProperty("wassist.standins.node.dir");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path root = repoRoot();
        if (root != null) {
            return root.resolve(RELATIVE_DIR);
        }
        throw new IllegalStateException(
                "cannot find " + RELATIVE_DIR + " from " + Path.of("").toAbsolutePath()
                        + ": set -Dwassist.repo.root or WASSIST_REPO_ROOT to the repository root");
    }

    private static @Nullable Path repoRoot() {
        String root = System.getProperty("wassist.repo.root", System.getenv("WASSIST_REPO_ROOT"));
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE_DIR).resolve("package.json"))) {
                return dir;
            }
        }
        return null;
    }
}
