package org.wassist.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wassist.standins.openai.FakeOpenAi;

/**
 * A first start without a model key: the run comes up, says exactly what is missing (readiness, page, terminal),
 * answers messages with the friendly E103 reply, and never calls the model.
 */
class LocalRunNoKeyIT {
    static final String USER = "4915100000041@c.us";

    static FakeOpenAi model;
    static Path runDir;
    static LocalRunChild run;
    static SimClient sim;

    @BeforeAll
    static void start() {
        model = FakeOpenAi.start().echo();
        runDir = LocalRunChild.freshRunDir(LocalRunNoKeyIT.class);
        run = LocalRunChild.start(
                runDir, Map.of("OPENAI_BASE_URL", model.baseUrl().toString()));
        sim = new SimClient(run);
    }

    @AfterAll
    static void stop() {
        try {
            run.close();
            ChildLogs.assertJsonLinesOnly(run);
            ChildLogs.assertNoPersonalData(List.of(run), List.of(USER, "is anybody configured", "second try"));
        } finally {
            model.close();
        }
    }

    @Test
    void readinessAnswers503AndNamesExactlyWhatIsMissing() {
        SimClient.Response ready = sim.get("/readyz");

        assertThat(ready.status()).isEqualTo(503);
        JsonNode body = ready.json();
        assertThat(body.path("ready").asBoolean()).isFalse();
        assertThat(body.path("failing")).hasSize(1);
        assertThat(body.path("failing").get(0).asText()).startsWith("model: ").contains("OPENAI_API_KEY");
        for (JsonNode check : body.path("checks")) {
            assertThat(check.path("ok").asBoolean())
                    .as("check %s", check)
                    .isEqualTo(!check.path("name").asText().equals("model"));
        }
    }

    @Test
    void theTerminalSaysWhatIsMissing() {
        assertThat(run.stdoutLines()).anyMatch(l -> l.contains("\"level\":\"WARN\"") && l.contains("OPENAI_API_KEY"));
    }

    @Test
    void theSimulatorPageStillLoadsAndShowsReadiness() {
        SimClient.Response page = sim.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>", "fetch(\"/readyz\")", "Not ready: ");
    }

    @Test
    void theSimulatorPageSaysWhatIsMissingInABrowser() {
        try (SimulatorBrowser browser = new SimulatorBrowser(run)) {
            PlaywrightAssertions.assertThat(browser.page.locator("#status"))
                    .hasText(Pattern.compile("^Not ready: model — .*OPENAI_API_KEY"));
            PlaywrightAssertions.assertThat(browser.page.locator("#status")).hasClass("warn");
        }
    }

    @Test
    void aSecondRunOnTheSamePortStopsAtOnceAndSaysWhy() {
        LocalRunChild busy = LocalRunChild.launch(runDir.resolve("busy-port"), Map.of(), run.port());
        try {
            assertThat(busy.waitForExit()).isEqualTo(1);
            assertThat(busy.stdoutLines())
                    .anyMatch(l -> l.contains("\"level\":\"ERROR\"")
                            && l.contains("cannot start: PORT " + run.port() + " is already in use"));
            assertThat(busy.dataDir().resolve("pg")).doesNotExist();
            assertThat(run.isAlive()).isTrue();
        } finally {
            busy.close();
        }
    }

    @Test
    void invalidSettingsStopTheRunAtOnceAllNamedTogether() {
        LocalRunChild invalid = LocalRunChild.launch(
                runDir.resolve("invalid-settings"),
                Map.of("CHANNEL", "carrier-pigeon", "GROUPCHATS_ENABLED", "maybe"),
                run.port() + 1);
        try {
            assertThat(invalid.waitForExit()).isEqualTo(2);
            assertThat(invalid.stdoutLines())
                    .filteredOn(l -> l.contains("cannot start: invalid configuration"))
                    .singleElement()
                    .satisfies(l -> assertThat(l).contains("CHANNEL must be", "GROUPCHATS_ENABLED"));
            assertThat(invalid.dataDir().resolve("pg")).doesNotExist();
        } finally {
            invalid.close();
        }
    }

    @Test
    void aMessageGetsTheFriendlyE103ReplyAndNothingCrashes() {
        String first = sim.say(USER, "!gpt is anybody configured");
        assertThat(sim.awaitReply(USER, first).text()).contains("(E103)").contains("API key");
        String second = sim.say(USER, "!gpt second try");
        assertThat(sim.awaitReply(USER, second).text()).contains("(E103)");

        assertThat(run.isAlive()).isTrue();
        assertThat(sim.get("/livez").status()).isEqualTo(200);
        assertThat(sim.get("/healthz").status()).isEqualTo(200);
        assertThat(model.chatRequests()).isEmpty();
    }
}
