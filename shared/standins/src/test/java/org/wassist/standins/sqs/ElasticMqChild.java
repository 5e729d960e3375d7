package org.wassist.standins.sqs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * A durable ElasticMQ in a JVM of its own, so a test can kill it with SIGKILL. Arguments: storage directory, ready
 * file. Once the server is up, its endpoint is written to the ready file; then it runs until killed.
 */
public final class ElasticMqChild {
    private ElasticMqChild() {}

    public static void main(String[] args) throws Exception {
        ElasticMq server = ElasticMq.start(ElasticMq.Settings.inMemory().durableIn(Path.of(args[0])));
        Path ready = Path.of(args[1]);
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, server.endpoint().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
