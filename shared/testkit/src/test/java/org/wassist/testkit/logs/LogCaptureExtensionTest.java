package org.wassist.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class LogCaptureExtensionTest {
    @RegisterExtension
    final LogCapture logs = LogCapture.perTest();

    @Test
    void recordsDuringTheTestOnly() {
        assertThat(logs.lines()).isEmpty();
        LoggerFactory.getLogger(LogCaptureExtensionTest.class).info("inside the test");

        assertThat(logs.lines()).singleElement().asString().contains("\"message\":\"inside the test\"");
    }
}
