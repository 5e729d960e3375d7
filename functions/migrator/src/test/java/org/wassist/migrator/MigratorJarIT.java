package org.wassist.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.wassist.standins.dataapi.DataApiServer;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;

/** The packaged {@code target/migrator.jar}: what it holds, what it leaves out, and that it runs on its own. */
class MigratorJarIT {
    /**
     * The jar holds the SDK core, one service client and the JSON logging with its redaction net (about 10 MB in all);
     * growing past this means something crept in.
     */
    static final long MAX_BYTES = 12L * 1024 * 1024;

    private static final Path JAR = Path.of("target/migrator.jar");

    @Test
    void holdsTheHandlerTheMigrationsAndTheApache5ClientOnly() throws IOException {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(MAX_BYTES);
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names)
                    .contains(
                            "org/wassist/migrator/MigratorHandler.class",
                            "org/wassist/sql/migration/Migrations.class",
                            "db/migration/V1__memory.sql",
                            "software/amazon/awssdk/services/rdsdata/RdsDataClient.class",
                            "software/amazon/awssdk/http/apache5/Apache5HttpClient.class");
            assertThat(names)
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/nio/netty/"))
                    .noneMatch(n -> n.startsWith("io/netty/"))
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/apache/"))
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/urlconnection/"))
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/crt/"))
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/crt/"))
                    .noneMatch(n -> n.startsWith("org/wassist/aws/sqs/"))
                    .noneMatch(n -> n.startsWith("org/wassist/aws/dynamodb/"))
                    .noneMatch(n -> n.startsWith("org/wassist/aws/s3/"))
                    .noneMatch(n -> n.equals("META-INF/services/javax.annotation.processing.Processor"))
                    .noneMatch(n -> n.startsWith("software/amazon/awssdk/services/sqs/"))
                    .noneMatch(n -> n.startsWith("com/knuddels/"))
                    .noneMatch(n -> n.endsWith("module-info.class"))
                    .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"));
            String services = new String(
                    zip.getInputStream(zip.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(services.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .toList())
                    .as("exactly one SDK HTTP client is registered")
                    .containsExactly("software.amazon.awssdk.http.apache5.Apache5SdkHttpService");
        }
    }

    @Test
    void theJarAloneMigratesThroughTheDataApi() throws Exception {
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "jar-smoke-" + System.nanoTime() + ".txt");
        try (TestDatabase db = TestDatabases.create();
                DataApiServer server = DataApiServer.start(db.jdbcUrl())) {
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            JAR + java.io.File.pathSeparator + "target/test-classes",
                            JarSmoke.class.getName(),
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "jar-smoke.log")
                            .toFile());
            Map<String, String> env = pb.environment();
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL_RDS_DATA", server.endpoint().toString());
            env.put("DB_CLUSTER_ARN", MigratorHandlerIT.SETTINGS.clusterArn());
            env.put("DB_SECRET_ARN", MigratorHandlerIT.SETTINGS.secretArn());
            env.put("DB_NAME", "wassist");
            Process p = pb.start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue())
                    .as("exit code; see target/tmp/jar-smoke.log")
                    .isZero();
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("PhysicalResourceId=wassist-schema-wassist")
                .contains("SchemaVersion=1");
    }
}
