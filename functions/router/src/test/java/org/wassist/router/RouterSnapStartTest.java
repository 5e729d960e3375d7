package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crac.Core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wassist.assistant.Assistant;
import org.wassist.assistant.InboundBatch;
import org.wassist.config.ConfigLoader;
import org.wassist.config.Profile;
import org.wassist.observability.Pseudonyms;
import org.wassist.testkit.dedupe.InMemoryProcessedMessages;
import org.wassist.testkit.logs.LogCapture;
import org.wassist.testkit.memory.InMemoryConversationStore;
import org.wassist.testkit.model.InMemoryChatModel;
import org.wassist.testkit.outbox.InMemoryOutbox;
import org.wassist.testkit.time.MutableClock;

/**
 * The SnapStart hooks called directly, as the runtime calls them: priming runs over the bundled sample before the
 * checkpoint without touching the pipeline over the real (network) adapters, which the first invocation after the
 * restore builds.
 */
class RouterSnapStartTest {
    @RegisterExtension
    final LogCapture logs = LogCapture.perTest();

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final AtomicInteger pipelineRequests = new AtomicInteger();
    private final AtomicInteger warmUps = new AtomicInteger();

    /** Stands for {@link RouterWiring#batch}: counts how often the real pipeline is asked for. */
    private Supplier<InboundBatch> countingPipeline() {
        var ports = new Assistant.Ports(
                new InMemoryProcessedMessages(),
                new InMemoryConversationStore(),
                new InMemoryChatModel(),
                outbox,
                new MutableClock());
        InboundBatch batch = RouterWiring.assemble(
                ConfigLoader.load(Map.of(), Profile.LOCAL), ports, Pseudonyms.ephemeral(), RouterHandlerTest.TOKENS);
        return () -> {
            pipelineRequests.incrementAndGet();
            return batch;
        };
    }

    @Test
    void beforeCheckpointPrimesTheSampleWithoutTheRealAdaptersAndTheFirstInvocationBuildsThem() {
        RouterHandler handler =
                new RouterHandler(countingPipeline(), warmUps::incrementAndGet, () -> RouterHandlerTest.TOKENS);

        handler.beforeCheckpoint(Core.getGlobalContext());
        handler.afterRestore(Core.getGlobalContext());

        assertThat(pipelineRequests).hasValue(0);
        assertThat(warmUps).hasValue(1);
        assertThat(outbox.sent()).as("priming sends nowhere").isEmpty();
        assertThat(logs.lines())
                .anySatisfy(line -> assertThat(line).contains("snapstart priming done messages=1 commands=1"));

        SQSEvent event = EventLoader.loadSQSEvent(RouterHandlerTest.TEXT_EVENT);
        assertThat(handler.handleRequest(event, new TestContext()).getBatchItemFailures())
                .isEmpty();

        assertThat(pipelineRequests).hasValue(1);
        assertThat(outbox.sent()).hasSize(1);
    }

    @Test
    void primingMayRunAgainForEveryNewSnapshot() {
        RouterHandler handler =
                new RouterHandler(countingPipeline(), warmUps::incrementAndGet, () -> RouterHandlerTest.TOKENS);

        handler.beforeCheckpoint(Core.getGlobalContext());
        handler.beforeCheckpoint(Core.getGlobalContext());

        assertThat(logs.lines().stream().filter(l -> l.contains("snapstart priming done")))
                .hasSize(2);
        assertThat(pipelineRequests).hasValue(0);
    }
}
