package org.wassist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class InvocationLogTest {
    @Test
    void putsTheRequestIdAndColdStartIntoTheMdcUntilClosed() {
        InvocationLog.begin("first").close();

        try (InvocationLog log = InvocationLog.begin("123e4567-e89b-12d3-a456-426614174000")) {
            assertThat(log).isNotNull();
            assertThat(MDC.get(InvocationLog.REQUEST_ID)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
            assertThat(MDC.get(InvocationLog.COLD_START)).isEqualTo("false");
        }
        assertThat(MDC.get(InvocationLog.REQUEST_ID)).isNull();
        assertThat(MDC.get(InvocationLog.COLD_START)).isNull();
    }
}
