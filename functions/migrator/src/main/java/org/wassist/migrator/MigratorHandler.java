package org.wassist.migrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.sql.migration.Migrations;

/**
 * The {@code onEvent} handler of the schema-migration custom resource (CDK Provider framework). Create and Update
 * apply pending migrations through the Data API; Delete leaves the database alone (data outlives the resource). The
 * response's {@code Data.SchemaVersion} is the schema version afterwards. A failure is thrown, so the deployment
 * fails with its message and rolls back.
 */
public final class MigratorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(MigratorHandler.class);

    private final MigratorWiring wiring;

    /** Lambda's entry point: wiring from the environment, built once per execution environment. */
    public MigratorHandler() {
        this(MigratorWiring.fromEnvironment());
    }

    MigratorHandler(MigratorWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, @Nullable Context context) {
        return onEvent(event);
    }

    public Map<String, Object> onEvent(Map<String, Object> event) {
        String type = String.valueOf(event.get("RequestType"));
        String physicalId = physicalId(event);
        LOG.info("schema migrations: {} request", type);
        return switch (type) {
            case "Create", "Update" -> response(physicalId, migrate());
            case "Delete" -> Map.of("PhysicalResourceId", physicalId);
            default -> throw new IllegalArgumentException("unknown custom resource RequestType: " + type);
        };
    }

    private Migrations.Result migrate() {
        try {
            Migrations.Result result = wiring.migrations().migrate();
            LOG.info("schema at version {}; applied {}", result.schemaVersion(), result.applied());
            return result;
        } catch (RuntimeException e) {
            throw new IllegalStateException("applying the database migrations failed: " + e.getMessage(), e);
        }
    }

    /** Kept stable across updates, so CloudFormation never replaces (and deletes) the resource. */
    private String physicalId(Map<String, Object> event) {
        Object existing = event.get("PhysicalResourceId");
        return existing instanceof String s && !s.isBlank() ? s : "wassist-schema-" + wiring.database();
    }

    private static Map<String, Object> response(String physicalId, Migrations.Result result) {
        Map<String, Object> data = new LinkedHashMap<>();
        String version = result.schemaVersion();
        data.put("SchemaVersion", version == null ? "" : version);
        data.put("Applied", String.join(",", result.applied()));
        return Map.of("PhysicalResourceId", physicalId, "Data", data);
    }
}
