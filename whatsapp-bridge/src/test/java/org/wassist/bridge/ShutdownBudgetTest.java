package org.wassist.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wassist.testkit.outbox.InMemoryOutboundQueue;
import org.wassist.testkit.time.MutableClock;

/** The graceful stop spends one budget: the channel is closed with what the earlier steps left of it. */
class ShutdownBudgetTest {
    @TempDir
    Path tmp;

    @Test
    void theChannelClosesWithinWhatIsLeftOfTheOneBudget() {
        MutableClock clock = new MutableClock();
        ScriptedChannel channel = new ScriptedChannel();
        PumpHarness h =
                new PumpHarness(tmp, clock, channel, new InMemoryOutboundQueue(clock), BridgeSettings.Pacing.none());

        h.close();

        assertThat(channel.closed()).isTrue();
        assertThat(channel.closeBudget())
                .as("SHUTDOWN_GRACE_SECONDS is the whole stop, not one step's share")
                .isNotNull()
                .isPositive()
                .isLessThanOrEqualTo(BridgeSettings.defaults().shutdownGrace());
    }
}
