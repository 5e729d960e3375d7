package org.wassist.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfraConfigTest {
    private static Map<String, Object> assets;

    @BeforeAll
    static void assets() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path dir = Files.createTempDirectory(tmp, "config");
        Files.writeString(dir.resolve("r.jar"), "r");
        Files.writeString(dir.resolve("m.jar"), "m");
        Files.createDirectories(dir.resolve("repo/whatsapp-bridge/target"));
        Files.writeString(
                dir.resolve("repo/whatsapp-bridge/Dockerfile"),
                "FROM scratch\nCOPY whatsapp-bridge/target/whatsapp-bridge.jar /app/\n");
        Files.writeString(dir.resolve("repo/whatsapp-bridge/target/whatsapp-bridge.jar"), "jar");
        Files.writeString(
                dir.resolve("repo/whatsapp-bridge/Dockerfile.unbuilt"),
                "FROM scratch\nCOPY [\"whatsapp-bridge/target/other.jar\", \"/app/\"]\n");
        Files.createDirectories(dir.resolve("sql"));
        assets = Map.of(
                "routerJar", dir.resolve("r.jar").toString(),
                "migratorJar", dir.resolve("m.jar").toString(),
                "bridgeContext", dir.resolve("repo").toString(),
                "migrationsDir", dir.resolve("sql").toString());
    }

    private static InfraConfig read(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(assets);
        all.putAll(context);
        return InfraConfig.read(all::get);
    }

    @Test
    void defaultsAreTheCheapSafeDeployment() {
        InfraConfig c = read(Map.of());
        assertThat(c.stackPrefix()).isEqualTo("WAssist");
        assertThat(c.target()).isEqualTo(InfraConfig.Target.AWS);
        assertThat(c.removal()).isEqualTo(Removal.SNAPSHOT);
        assertThat(c.db()).isEqualTo(new InfraConfig.Db("16.13", 0, 2, 5, 7, true, "wassist"));
        assertThat(c.router())
                .isEqualTo(new InfraConfig.Router(
                        1024, 120, 1, 4, true, CpuArch.ARM64, true, ConfigParts.ROUTER_JAVA_TOOL_OPTIONS));
        assertThat(c.bridge()).isEqualTo(new InfraConfig.Bridge(512, 1024, CpuArch.ARM64, false, false, null, null));
        assertThat(c.logRetentionDays()).isEqualTo(14);
        assertThat(c.mediaExpiryDays()).isEqualTo(7);
        assertThat(c.alarmEmail()).isNull();
    }

    @Test
    void commandLineStringsAreAcceptedForNumbersAndFlags() {
        InfraConfig c = read(Map.of(
                "dbMaxCapacity", "4",
                "routerWorkers", "10",
                "bridgeSpot", "true",
                "removalPolicy", "DESTROY",
                "bridgeArchitecture", "x86_64"));
        assertThat(c.db().maxCapacity()).isEqualTo(4);
        assertThat(c.db().deletionProtection()).isFalse();
        assertThat(c.router().workers()).isEqualTo(10);
        assertThat(c.bridge().spot()).isTrue();
        assertThat(c.bridge().arch()).isEqualTo(CpuArch.X86_64);
        assertThat(c.removal()).isEqualTo(Removal.DESTROY);
    }

    @Test
    void everyInvalidValueIsReportedTogether() {
        assertThatThrownBy(() -> read(Map.of(
                        "removalPolicy", "keep",
                        "routerWorkers", "1",
                        "routerBatchSize", "11",
                        "bridgeCpu", "512",
                        "bridgeMemoryMiB", "512",
                        "logRetentionDays", "10",
                        "dbEngineVersion", "15.4",
                        "adminCidr", "everyone",
                        "dbMinCapacity", "3",
                        "dbMaxCapacity", "2")))
                .isInstanceOfSatisfying(
                        InfraConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "removalPolicy must be one of destroy, retain, snapshot",
                                        "routerWorkers must be a whole number between 2 and 1000",
                                        "routerBatchSize must be a whole number between 1 and 10",
                                        "bridgeCpu 512 with bridgeMemoryMiB 512 is not a Fargate task size (e.g. 256 with"
                                                + " 512/1024/2048, 512 with 1024-4096, 1024 with 2048-8192)",
                                        "logRetentionDays must be one of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,"
                                                + " 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
                                        "dbEngineVersion must be an Aurora PostgreSQL 16 minor version such as 16.13 (16.3 or"
                                                + " later pauses at 0 ACU and has pgvector)",
                                        "adminCidr must be an IPv4 CIDR such as 203.0.113.7/32",
                                        "dbMaxCapacity must not be below dbMinCapacity"))
                .hasMessageStartingWith("invalid CDK context (8 problems;");
    }

    @Test
    void mediaMaxMbGivenForOneProcessReachesBothSoTheRouterQuotesTheBridgesLimit() {
        InfraConfig fromApp = read(Map.of("appSettings", Map.of("MEDIA_MAX_MB", 8, "PRE_PROMPT", "Be brief.")));
        assertThat(fromApp.appSettings()).containsEntry("MEDIA_MAX_MB", "8").containsEntry("PRE_PROMPT", "Be brief.");
        assertThat(fromApp.bridgeSettings()).containsOnly(Map.entry("MEDIA_MAX_MB", "8"));

        InfraConfig fromBridge = read(Map.of("bridgeSettings", Map.of("MEDIA_MAX_MB", "12", "LOG_LEVEL", "INFO")));
        assertThat(fromBridge.appSettings()).containsOnly(Map.entry("MEDIA_MAX_MB", "12"));
        assertThat(fromBridge.bridgeSettings()).containsEntry("MEDIA_MAX_MB", "12");

        InfraConfig both =
                read(Map.of("appSettings", Map.of("MEDIA_MAX_MB", 5), "bridgeSettings", Map.of("MEDIA_MAX_MB", "5")));
        assertThat(both.appSettings()).containsEntry("MEDIA_MAX_MB", "5");
        assertThat(both.bridgeSettings()).containsEntry("MEDIA_MAX_MB", "5");

        InfraConfig neither = read(Map.of());
        assertThat(neither.appSettings()).doesNotContainKey("MEDIA_MAX_MB");
        assertThat(neither.bridgeSettings()).doesNotContainKey("MEDIA_MAX_MB");
    }

    @Test
    void twoDifferentMediaLimitsAreRefused() {
        assertThatThrownBy(() -> read(Map.of(
                        "appSettings", Map.of("MEDIA_MAX_MB", 10), "bridgeSettings", Map.of("MEDIA_MAX_MB", 20))))
                .isInstanceOfSatisfying(
                        InfraConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("appSettings.MEDIA_MAX_MB (10) and bridgeSettings.MEDIA_MAX_MB (20)"
                                        + " differ: the router quotes to users the limit the bridge enforces; set"
                                        + " MEDIA_MAX_MB once, in either"));
    }

    @Test
    void pairingNumberIsDigitsOnlyLikeTheBridgeExpects() {
        assertThat(read(Map.of("whatsappPairingNumber", "15551234567")).bridge().pairingNumber())
                .isEqualTo("15551234567");
        assertThatThrownBy(() -> read(Map.of("whatsappPairingNumber", "+1 555 123")))
                .hasMessageContaining(
                        "whatsappPairingNumber must be the bot's phone number in international form," + " digits only");
    }

    @Test
    void missingBuildOutputsNameTheBuildCommand() {
        assertThatThrownBy(() -> read(Map.of("routerJar", "no/such/router.jar")))
                .hasMessageContaining("routerJar ")
                .hasMessageContaining("router.jar does not exist; build it first (./mvnw -pl functions/router");
    }

    @Test
    void aBridgeImageWhoseJarIsNotBuiltYetIsReported() {
        assertThatThrownBy(() -> read(Map.of("bridgeDockerfile", "whatsapp-bridge/Dockerfile.unbuilt")))
                .hasMessageContaining("the bridge image copies whatsapp-bridge/target/other.jar, which does"
                        + " not exist yet; build it first (./mvnw -pl whatsapp-bridge -am package)");
    }

    @Test
    void localstackNeedsNeitherTheMigratorNorTheBridgeAndTurnsSnapStartOff() {
        InfraConfig c = InfraConfig.read(Map.<String, Object>of(
                "deployment", "localstack", "routerJar", assets.get("routerJar"), "bridgeContext", "nowhere")::get);
        assertThat(c.fullDeployment()).isFalse();
        assertThat(c.router().snapStart()).isFalse();
    }

    @Test
    void fargateSizesAreTheOnesFargateAccepts() {
        assertThat(ConfigParts.fargateSize(256, 512)).isTrue();
        assertThat(ConfigParts.fargateSize(256, 4096)).isFalse();
        assertThat(ConfigParts.fargateSize(512, 1024)).isTrue();
        assertThat(ConfigParts.fargateSize(512, 1536)).isFalse();
        assertThat(ConfigParts.fargateSize(1024, 8192)).isTrue();
        assertThat(ConfigParts.fargateSize(4096, 30_720)).isTrue();
        assertThat(ConfigParts.fargateSize(300, 1024)).isFalse();
    }
}
