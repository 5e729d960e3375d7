package org.wassist.infra.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the parts of {@link InfraConfig}; defaults and limits are here, in one place. */
final class ConfigParts {
    /** What CloudWatch Logs accepts as a retention period, in days. */
    static final Set<Integer> RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Map<String, CpuArch> ARCH =
            Map.of("arm64", CpuArch.ARM64, "x86_64", CpuArch.X86_64, "amd64", CpuArch.X86_64);
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])");
    private static final Pattern PHONE = Pattern.compile("[0-9]{7,15}");
    /** Lambda-like JIT flags: the router mostly waits on the network, so C1 alone keeps JIT CPU low. */
    static final String ROUTER_JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private ConfigParts() {}

    static InfraConfig.Db db(ContextReader r, Removal removal) {
        String version = r.string("dbEngineVersion", "16.13");
        if (!version.matches("16\\.\\d+")) {
            r.problem("dbEngineVersion must be an Aurora PostgreSQL 16 minor version such as 16.13"
                    + " (16.3 or later pauses at 0 ACU and has pgvector)");
        }
        double min = r.number("dbMinCapacity", 0, 0, 256);
        double max = r.number("dbMaxCapacity", 2, 1, 256);
        if (max < min) {
            r.problem("dbMaxCapacity must not be below dbMinCapacity");
        }
        return new InfraConfig.Db(
                version,
                min,
                max,
                r.integer("dbAutoPauseMinutes", 5, 5, 1440),
                r.integer("dbBackupRetentionDays", 7, 1, 35),
                r.bool("dbDeletionProtection", removal != Removal.DESTROY),
                r.string("dbName", "wassist"));
    }

    static InfraConfig.Router router(ContextReader r, InfraConfig.Target target) {
        return new InfraConfig.Router(
                r.integer("routerMemoryMb", 1024, 512, 10_240),
                r.integer("routerTimeoutSeconds", 120, 30, 900),
                r.integer("routerBatchSize", 1, 1, 10),
                r.integer("routerWorkers", 4, 2, 1000),
                r.bool("routerReserveConcurrency", true),
                r.choice("routerArchitecture", CpuArch.ARM64, ARCH),
                r.bool("routerSnapStart", target == InfraConfig.Target.AWS),
                r.string("routerJavaToolOptions", ROUTER_JAVA_TOOL_OPTIONS));
    }

    static InfraConfig.Bridge bridge(ContextReader r) {
        int cpu = r.integer("bridgeCpu", 512, 256, 4096);
        int memory = r.integer("bridgeMemoryMiB", 1024, 512, 30_720);
        if (!fargateSize(cpu, memory)) {
            r.problem("bridgeCpu " + cpu + " with bridgeMemoryMiB " + memory + " is not a Fargate task size"
                    + " (e.g. 256 with 512/1024/2048, 512 with 1024-4096, 1024 with 2048-8192)");
        }
        String cidr = r.optional("adminCidr");
        if (cidr != null && !CIDR.matcher(cidr).matches()) {
            r.problem("adminCidr must be an IPv4 CIDR such as 203.0.113.7/32");
        }
        String phone = r.optional("whatsappPairingNumber");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            r.problem("whatsappPairingNumber must be the bot's phone number in international form, digits only");
        }
        return new InfraConfig.Bridge(
                cpu,
                memory,
                r.choice("bridgeArchitecture", CpuArch.ARM64, ARCH),
                r.bool("bridgeSpot", false),
                r.bool("bridgeExec", false),
                cidr,
                phone);
    }

    static InfraConfig.Assets assets(ContextReader r) {
        return new InfraConfig.Assets(
                path(r, "routerJar", "../functions/router/target/router.jar"),
                path(r, "migratorJar", "../functions/migrator/target/migrator.jar"),
                path(r, "bridgeContext", ".."),
                r.string("bridgeDockerfile", "whatsapp-bridge/Dockerfile"),
                path(r, "migrationsDir", "../shared/sql/src/main/resources/db/migration"));
    }

    static int retentionDays(ContextReader r) {
        int days = r.integer("logRetentionDays", 14, 1, 3653);
        if (!RETENTION_DAYS.contains(days)) {
            r.problem("logRetentionDays must be one of " + List.copyOf(new java.util.TreeSet<>(RETENTION_DAYS)));
        }
        return days;
    }

    /** The CPU and memory pairs Fargate accepts for Linux tasks. */
    static boolean fargateSize(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> memory >= 2048 && memory <= 8192 && memory % 1024 == 0;
            case 2048 -> memory >= 4096 && memory <= 16_384 && memory % 1024 == 0;
            case 4096 -> memory >= 8192 && memory <= 30_720 && memory % 1024 == 0;
            default -> false;
        };
    }

    private static Path path(ContextReader r, String key, String fallback) {
        @Nullable String v = r.optional(key);
        return Path.of(v == null ? fallback : v);
    }
}
