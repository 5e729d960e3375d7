package org.wassist.infra.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every deployment setting, read once from CDK context and validated; docs/operations.md lists the keys and
 * cdk.context.example.json shows them. Invalid context fails synthesis with every problem listed.
 *
 * @param stackPrefix prefix of every stack name, so one account can hold several deployments
 * @param account the AWS account, or null for an environment-agnostic synthesis
 * @param region the AWS region, or null for an environment-agnostic synthesis
 */
public record InfraConfig(
        String stackPrefix,
        @Nullable String account,
        @Nullable String region,
        Target target,
        Removal removal,
        Db db,
        Router router,
        Bridge bridge,
        Assets assets,
        Map<String, String> appSettings,
        Map<String, String> bridgeSettings,
        @Nullable String alarmEmail,
        int logRetentionDays,
        int mediaExpiryDays) {

    /** Where the stacks go: real AWS (everything), or LocalStack's free tier (messaging, storage, router). */
    public enum Target {
        AWS,
        LOCALSTACK
    }

    /** Aurora Serverless v2. {@code minCapacity} 0 lets the cluster pause after {@code autoPauseMinutes} idle. */
    public record Db(
            String engineVersion,
            double minCapacity,
            double maxCapacity,
            int autoPauseMinutes,
            int backupRetentionDays,
            boolean deletionProtection,
            String name) {}

    /**
     * The router function. {@code workers} is both its reserved concurrency and the event source's maximum
     * concurrency: the number of chats answered at the same time.
     */
    public record Router(
            int memoryMb,
            int timeoutSeconds,
            int batchSize,
            int workers,
            boolean reserveConcurrency,
            CpuArch arch,
            boolean snapStart,
            String javaToolOptions) {}

    /**
     * The bridge task. The linking page (port 8080) is reached through ECS Exec port forwarding ({@code exec}) or,
     * when {@code adminCidr} is set, directly from that address range.
     */
    public record Bridge(
            int cpu,
            int memoryMiB,
            CpuArch arch,
            boolean spot,
            boolean exec,
            @Nullable String adminCidr,
            @Nullable String pairingNumber) {}

    /**
     * Build outputs the stacks package; relative paths resolve against the directory cdk runs in (infra/). The bridge
     * image is built from {@code bridgeContext} (the repository root) with {@code bridgeDockerfile} inside it.
     */
    public record Assets(
            Path routerJar, Path migratorJar, Path bridgeContext, String bridgeDockerfile, Path migrationsDir) {
        /** What the Dockerfile copies from the context; only these files (and the Dockerfile) form the context. */
        public List<String> bridgeSources() {
            try {
                return DockerfileSources.of(Files.readString(bridgeContext.resolve(bridgeDockerfile)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bridge Dockerfile", e);
            }
        }
    }

    /** Reads and validates the context; throws {@link InfraConfigException} listing every problem. */
    public static InfraConfig read(Function<String, @Nullable Object> context) {
        ContextReader r = new ContextReader(context);
        Target target = r.choice("deployment", Target.AWS, Map.of("aws", Target.AWS, "localstack", Target.LOCALSTACK));
        Removal removal = r.choice(
                "removalPolicy",
                Removal.SNAPSHOT,
                Map.of("snapshot", Removal.SNAPSHOT, "retain", Removal.RETAIN, "destroy", Removal.DESTROY));
        SharedSettings.Agreed settings =
                SharedSettings.agree(r, AppSettings.read(r, "appSettings"), AppSettings.read(r, "bridgeSettings"));
        InfraConfig config = new InfraConfig(
                r.string("stackPrefix", "WAssist"),
                r.optional("account"),
                r.optional("region"),
                target,
                removal,
                ConfigParts.db(r, removal),
                ConfigParts.router(r, target),
                ConfigParts.bridge(r),
                ConfigParts.assets(r),
                settings.app(),
                settings.bridge(),
                r.optional("alarmEmail"),
                ConfigParts.retentionDays(r),
                r.integer("mediaExpiryDays", 7, 1, 365));
        config.checkAssets(r);
        if (!r.problems().isEmpty()) {
            throw new InfraConfigException(r.problems());
        }
        return config;
    }

    /** True when the database, migrations, bridge and alarms are deployed (not on LocalStack's free tier). */
    public boolean fullDeployment() {
        return target == Target.AWS;
    }

    private void checkAssets(ContextReader r) {
        requireFile(r, "routerJar", assets.routerJar(), "./mvnw -pl functions/router -am package");
        if (fullDeployment()) {
            requireFile(r, "migratorJar", assets.migratorJar(), "./mvnw -pl functions/migrator -am package");
            checkBridge(r);
            if (!Files.isDirectory(assets.migrationsDir())) {
                r.problem("migrationsDir "
                        + assets.migrationsDir().toAbsolutePath().normalize() + " is not a folder of SQL migrations");
            }
        }
    }

    private void checkBridge(ContextReader r) {
        Path dockerfile = assets.bridgeContext().resolve(assets.bridgeDockerfile());
        if (!Files.isRegularFile(dockerfile)) {
            r.problem("bridgeDockerfile " + dockerfile.toAbsolutePath().normalize()
                    + " does not exist; bridgeContext must be the repository root");
            return;
        }
        for (String source : assets.bridgeSources()) {
            if (!Files.exists(assets.bridgeContext().resolve(source))) {
                r.problem("the bridge image copies " + source + ", which does not exist yet; build it first ("
                        + "./mvnw -pl whatsapp-bridge -am package)");
            }
        }
    }

    private static void requireFile(ContextReader r, String key, Path file, String build) {
        if (!Files.isRegularFile(file)) {
            r.problem(key + " " + file.toAbsolutePath().normalize() + " does not exist; build it first (" + build
                    + ") or point " + key + " at the jar");
        }
    }
}
