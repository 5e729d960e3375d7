package org.wassist.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineBenchmarkOptionsTest {
    @Test
    void defaultsMeetTheIssuesMinimums() {
        PipelineBenchmark.Options o = PipelineBenchmark.Options.parse(new String[0]);

        assertThat(o.messages()).isGreaterThanOrEqualTo(1_000);
        assertThat(o.chats()).isGreaterThanOrEqualTo(100);
        assertThat(o.burstChats()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void argumentsOverrideTheDefaults() {
        PipelineBenchmark.Options o =
                PipelineBenchmark.Options.parse(new String[] {"--rate=5", "--messages=200", "--workers=2"});

        assertThat(o.rate()).isEqualTo(5);
        assertThat(o.messages()).isEqualTo(200);
        assertThat(o.workers()).isEqualTo(2);
        assertThat(o.chats()).isEqualTo(100);
    }

    @Test
    void unknownOrImpossibleArgumentsAreRefused() {
        assertThatThrownBy(() -> PipelineBenchmark.Options.parse(new String[] {"--speed=9"}))
                .hasMessageContaining("unknown argument --speed=9");
        assertThatThrownBy(() -> PipelineBenchmark.Options.parse(new String[] {"--messages=10", "--chats=100"}))
                .hasMessageContaining("messages >= chats");
    }
}
