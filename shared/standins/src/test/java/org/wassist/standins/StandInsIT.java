package org.wassist.standins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandInsIT {
    @Test
    void sharesOneInstanceOfEachUntilClosed() {
        var sqs = StandIns.sqs();
        var s3 = StandIns.s3();
        var ddb = StandIns.dynamodb();
        assertThat(StandIns.sqs()).isSameAs(sqs);
        assertThat(StandIns.s3()).isSameAs(s3);
        assertThat(StandIns.dynamodb()).isSameAs(ddb);
        assertThat(LoopbackPorts.accepts(sqs.endpoint().getPort())).isTrue();
        assertThat(LoopbackPorts.accepts(s3.endpoint().getPort())).isTrue();
        assertThat(LoopbackPorts.accepts(ddb.endpoint().getPort())).isTrue();

        StandIns.close();

        assertThat(ddb.isRunning()).isFalse();
        assertThat(LoopbackPorts.accepts(sqs.endpoint().getPort())).isFalse();
        assertThat(StandIns.sqs()).isNotSameAs(sqs);
        StandIns.close();
    }
}
