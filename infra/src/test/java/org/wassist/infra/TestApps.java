package org.wassist.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.wassist.infra.config.InfraConfig;
import org.wassist.infra.config.JsonObjects;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises the app the way {@code cdk synth} does (cdk.json's feature flags, offline AZ context), against small
 * stand-in assets so the tests never need the real jars or Docker. One synthesis per distinct context, shared.
 */
final class TestApps {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String PREFIX = "WAssist";

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Map<Map<String, Object>, Synth> CACHE = new ConcurrentHashMap<>();
    private static final Fixtures FIXTURES;

    static {
        try {
            // jsii (and its Node process) create their temp dirs here: it must exist before the first CDK class.
            Files.createDirectories(TMP);
            FIXTURES = Fixtures.create(Files.createTempDirectory(TMP, "infra-fixtures"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A synthesised app and the template of each of its stacks. */
    record Synth(WassistApp.Stacks stacks, Map<String, Template> templates, Path outdir) {
        Template template(String concern) {
            Template t = templates.get(PREFIX + "-" + concern);
            if (t == null) {
                throw new IllegalArgumentException("no stack " + concern + " in " + templates.keySet());
            }
            return t;
        }
    }

    /** The stand-in assets: tiny jars, a bridge build context and one migration. */
    record Fixtures(Path routerJar, Path migratorJar, Path bridgeContext, Path migrationsDir) {
        /** A repository root like the real one: the bridge's Dockerfile copies its jar; the rest must stay out. */
        static Fixtures create(Path dir) throws IOException {
            Path repo = dir.resolve("repo");
            Path classes = Files.createDirectories(repo.resolve("whatsapp-bridge/target/classes"));
            Files.writeString(
                    repo.resolve("whatsapp-bridge/Dockerfile"),
                    "FROM scratch\nCOPY --chown=10001:10001 whatsapp-bridge/target/whatsapp-bridge.jar /app/\n");
            jar(repo.resolve("whatsapp-bridge/target/whatsapp-bridge.jar"));
            Files.writeString(classes.resolve("Left.class"), "not part of the image");
            Files.writeString(
                    Files.createDirectories(repo.resolve("infra/node")).resolve("big.bin"), "not either");
            Path migrations = Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(migrations.resolve("V1__init.sql"), "CREATE EXTENSION IF NOT EXISTS vector;\n");
            return new Fixtures(jar(dir.resolve("router.jar")), jar(dir.resolve("migrator.jar")), repo, migrations);
        }

        private static Path jar(Path file) throws IOException {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return file;
        }
    }

    private TestApps() {}

    static Fixtures fixtures() {
        return FIXTURES;
    }

    /** The default deployment: nothing but the required context. */
    static Synth defaults() {
        return synth(Map.of());
    }

    static Synth synth(Map<String, Object> extra) {
        return CACHE.computeIfAbsent(Map.copyOf(extra), TestApps::build);
    }

    /** The context {@code cdk synth} would pass: cdk.json's, the offline AZs, the stand-in assets, then extra. */
    static Map<String, Object> context(Map<String, Object> extra) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.put("aws:cdk:version-reporting", false);
        context.put("account", ACCOUNT);
        context.put("region", REGION);
        context.put(
                "availability-zones:account=" + ACCOUNT + ":region=" + REGION,
                List.of("us-east-1a", "us-east-1b", "us-east-1c"));
        context.put("routerJar", FIXTURES.routerJar().toString());
        context.put("migratorJar", FIXTURES.migratorJar().toString());
        context.put("bridgeContext", FIXTURES.bridgeContext().toString());
        context.put("migrationsDir", FIXTURES.migrationsDir().toString());
        context.putAll(extra);
        return context;
    }

    static InfraConfig config(Map<String, Object> extra) {
        Map<String, Object> context = context(extra);
        return InfraConfig.read(context::get);
    }

    private static Synth build(Map<String, Object> extra) {
        try {
            Path outdir = Files.createTempDirectory(TMP, "cdk.out");
            App app = App.Builder.create()
                    .context(context(extra))
                    .outdir(outdir.toString())
                    .build();
            WassistApp.Stacks stacks =
                    WassistApp.build(app, InfraConfig.read(key -> app.getNode().tryGetContext(key)));
            Map<String, Template> templates = new HashMap<>();
            for (Stack stack : stacks.all()) {
                templates.put(stack.getStackName(), Template.fromStack(stack));
            }
            return new Synth(stacks, templates, outdir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> cdkJsonContext() {
        Path cdkJson = Path.of(System.getProperty("wassist.repo.root", ".."), "infra", "cdk.json");
        try {
            Map<String, @Nullable Object> json = JsonObjects.parse(Files.readString(cdkJson));
            Object context = json.get("context");
            Map<String, Object> out = new HashMap<>();
            if (context instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdkJson, e);
        }
    }
}
