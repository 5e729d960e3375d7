package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * /readyz of the local run covers every store a message passes through: with the DynamoDB stand-in gone, it answers
 * 503 and names the idempotency check (before this check existed, it said ready while every message failed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunReadinessIT {
    /** Where the DynamoDB stand-in records the pid of its process ({@code Dynalite.PID_FILE}). */
    static final String DYNALITE_PID_FILE = "dynamodb/.dynalite.pid";

    static LocalRunChild run;
    static SimClient sim;

    @BeforeAll
    static void start() {
        run = LocalRunChild.start(
                LocalRunChild.freshRunDir(LocalRunReadinessIT.class), Map.of("LOCAL_FAKE_MODEL", "true"));
        sim = new SimClient(run);
    }

    @AfterAll
    static void stop() {
        run.close();
        ChildLogs.assertJsonLinesOnly(run);
    }

    @Test
    @Order(1)
    void everyStoreIsCheckedAndReady() {
        SimClient.Response ready = sim.get("/readyz");

        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("checks").findValuesAsText("name"))
                .contains("database", "queues", "idempotency", "media", "model");
    }

    @Test
    @Order(2)
    void withTheDynamoDbStandInGoneReadinessAnswers503NamingTheIdempotencyCheck() throws Exception {
        killDynalite(run.dataDir().resolve(DYNALITE_PID_FILE));

        SimClient.Response ready = sim.get("/readyz");

        assertThat(ready.status()).as(ready.body()).isEqualTo(503);
        JsonNode failing = ready.json().path("failing");
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).asText()).startsWith("idempotency: ");
    }

    /** Kills the run's dynalite process (by the pid it recorded, after checking that it is dynalite). */
    private static void killDynalite(Path pidFile) throws Exception {
        long pid =
                Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
        ProcessHandle dynalite =
                ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " (dynalite)"));
        assertThat(dynalite.info().commandLine())
                .hasValueSatisfying(c -> assertThat(c).contains("dynalite"));
        dynalite.destroyForcibly();
        dynalite.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dynalite.isAlive()).isFalse();
    }
}
