package org.wassist.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wassist.aws.rdsdata.DataApiSettings;
import org.wassist.jdbc.FlywayMigrations;
import org.wassist.standins.dataapi.DataApiServer;
import org.wassist.standins.postgres.TestDatabase;
import org.wassist.standins.postgres.TestDatabases;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** The handler with a real custom-resource event, through the real SDK client and the Data API stand-in. */
class MigratorHandlerIT {
    static final DataApiSettings SETTINGS = new DataApiSettings(
            "arn:aws:rds:us-east-1:123456789012:cluster:wassist",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:wassist-db-AbCdEf",
            "wassist");

    private TestDatabase db;
    private DataApiServer server;
    private RdsDataClient client;
    private MigratorHandler handler;

    @BeforeEach
    void start() {
        db = TestDatabases.create();
        server = DataApiServer.start(db.jdbcUrl());
        client = RdsDataClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(Apache5HttpClient.create())
                .build();
        handler = new MigratorHandler(new MigratorWiring(client, SETTINGS));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        db.close();
    }

    static Map<String, Object> sampleEvent() throws IOException {
        Path file = Path.of(System.getProperty("wassist.repo.root"), "samples/events/migrator-create.json");
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void createAppliesTheMigrationsAndReportsTheVersion() throws Exception {
        assertThat(query("SELECT count(*) FROM pg_extension WHERE extname = 'vector'"))
                .as("a fresh database has no pgvector")
                .isEqualTo("0");
        Map<String, Object> response = handler.handleRequest(sampleEvent(), null);
        assertThat(response)
                .containsEntry("PhysicalResourceId", "wassist-schema-wassist")
                .containsEntry("Data", Map.of("SchemaVersion", "1", "Applied", "1"));
        try (HikariDataSource jdbc = new HikariDataSource()) {
            jdbc.setJdbcUrl(db.jdbcUrl());
            FlywayMigrations.flyway(jdbc).validate();
        }
        assertThat(query("SELECT count(*) FROM pg_extension WHERE extname = 'vector'"))
                .as("the migrations enable pgvector")
                .isEqualTo("1");
        assertThat(query("SELECT '[1,2]'::vector <-> '[1,3]'::vector")).isEqualTo("1");
    }

    @Test
    void updateIsANoOpOnceAppliedAndKeepsTheResourceId() throws IOException {
        Map<String, Object> created = handler.handleRequest(sampleEvent(), null);
        Map<String, Object> update = new HashMap<>(sampleEvent());
        update.put("RequestType", "Update");
        update.put("PhysicalResourceId", created.get("PhysicalResourceId"));
        assertThat(handler.handleRequest(update, null))
                .containsEntry("PhysicalResourceId", "wassist-schema-wassist")
                .containsEntry("Data", Map.of("SchemaVersion", "1", "Applied", ""));
    }

    @Test
    void deleteLeavesTheDatabaseAlone() throws Exception {
        handler.handleRequest(sampleEvent(), null);
        Map<String, Object> delete = new HashMap<>(sampleEvent());
        delete.put("RequestType", "Delete");
        delete.put("PhysicalResourceId", "wassist-schema-wassist");
        assertThat(handler.handleRequest(delete, null))
                .isEqualTo(Map.of("PhysicalResourceId", "wassist-schema-wassist"));
        execute("SELECT count(*) FROM conversation_turn");
    }

    @Test
    void aFailedMigrationFailsTheDeploymentWithAClearMessage() throws Exception {
        execute("CREATE TABLE conversation_turn (x int)");
        assertThatThrownBy(() -> handler.handleRequest(sampleEvent(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("applying the database migrations failed: ExecuteStatement failed (SQLState"
                        + " 42P07): CREATE TABLE conversation_turn");
        execute("SELECT x FROM conversation_turn");
    }

    @Test
    void anUnknownRequestTypeIsRefused() {
        assertThatThrownBy(() -> handler.handleRequest(Map.of("RequestType", "Replace"), null))
                .hasMessage("unknown custom resource RequestType: Replace");
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
