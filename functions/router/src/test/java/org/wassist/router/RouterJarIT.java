package org.wassist.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the packaged {@code target/router.jar} holds and leaves out. The jar drops the OpenAI APIs the router never
 * calls and the S3 client (docs/benchmarks.md#router-jar-size); these checks keep what remains linkable, so that a
 * later openai-java version that moves a type the chat path needs fails here rather than in AWS.
 */
class RouterJarIT {
    /** About 34 MB today; growing past this means something crept in. */
    static final long MAX_BYTES = 40L * 1024 * 1024;

    /**
     * Lambda refuses code larger than 250 MB unzipped ("Unzipped size must be smaller than 262144000 bytes"); the jar
     * with every OpenAI API was 279 MB unzipped, this one is about 82 MB.
     */
    static final long LAMBDA_UNZIPPED_LIMIT = 262_144_000L;

    private static List<String> names() throws IOException {
        try (ZipFile zip = new ZipFile(RouterRuntimeIT.jar().toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void fitsLambdasLimitOnUnzippedCodeWithRoomToSpare() throws IOException {
        long unzipped;
        try (ZipFile zip = new ZipFile(RouterRuntimeIT.jar().toFile())) {
            unzipped = zip.stream().mapToLong(ZipEntry::getSize).sum();
        }
        assertThat(unzipped).isLessThan(LAMBDA_UNZIPPED_LIMIT / 2);
    }

    @Test
    void holdsTheHandlerTheChatPathAndOneHttpClientAndLeavesOutWhatTheRouterNeverCalls() throws IOException {
        assertThat(Files.size(RouterRuntimeIT.jar())).isLessThanOrEqualTo(MAX_BYTES);
        List<String> names = names();

        assertThat(names)
                .contains(
                        "org/wassist/router/RouterHandler.class",
                        "events/sqs-inbound-text.json",
                        "com/openai/client/okhttp/OpenAIOkHttpClient.class",
                        "com/openai/services/blocking/chat/ChatCompletionServiceImpl.class",
                        "com/openai/models/chat/completions/ChatCompletion.class",
                        "com/openai/models/completions/CompletionUsage.class",
                        "software/amazon/awssdk/services/sqs/SqsClient.class",
                        "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
                        "software/amazon/awssdk/services/rdsdata/RdsDataClient.class",
                        "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class",
                        "software/amazon/awssdk/http/apache5/Apache5HttpClient.class",
                        "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat",
                        // The runtime interface client's SQS event mapping loads it, though SQS events have no dates.
                        "org/joda/time/DateTime.class");
        assertThat(names)
                .noneMatch(n -> n.startsWith("com/openai/models/beta/"))
                .noneMatch(n -> n.startsWith("com/openai/models/responses/"))
                .noneMatch(n -> n.startsWith("com/openai/services/async/beta/"))
                .noneMatch(n -> n.startsWith("software/amazon/awssdk/services/s3/"))
                .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/urlconnection/"))
                .noneMatch(n -> n.startsWith("software/amazon/awssdk/http/apache/"))
                .noneMatch(n -> n.startsWith("io/netty/"))
                .noneMatch(n -> n.endsWith("module-info.class"));
    }

    /**
     * Jackson and Kotlin reflection read every member of the model classes they map: every kept model, error and
     * chat service class must resolve all the types in its signatures.
     */
    @Test
    void everyKeptModelErrorAndChatServiceClassLinks() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        int members = 0;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {RouterRuntimeIT.jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : names()) {
                if (!name.endsWith(".class") || !linkChecked(name)) {
                    continue;
                }
                String className = name.substring(0, name.length() - 6).replace('/', '.');
                checked++;
                try {
                    Class<?> c = Class.forName(className, false, loader);
                    members += c.getDeclaredMethods().length
                            + c.getDeclaredFields().length
                            + c.getDeclaredConstructors().length;
                } catch (LinkageError | ClassNotFoundException e) {
                    broken.add(className + ": " + e);
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(members).isGreaterThan(checked);
        assertThat(broken).isEmpty();
    }

    private static boolean linkChecked(String name) {
        return name.startsWith("com/openai/models/")
                || name.startsWith("com/openai/errors/")
                || name.startsWith("com/openai/services/blocking/chat/")
                || name.startsWith("com/openai/client/okhttp/");
    }
}
