package org.wassist.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.Timeout;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.wassist.config.AppConfig;
import org.wassist.config.Secret;

/** Builds one SDK client per key with every setting explicit; nothing is read from the environment. */
final class SdkClients {
    /**
     * Marks 429 answers as not worth retrying on the same key. The SDK would otherwise retry them itself (honouring
     * {@code retry-after}, up to 8 s each) before the pool could move on to a key that is not throttled.
     */
    private static final Interceptor NO_SDK_RETRY_ON_429 = chain -> {
        Response response = chain.proceed(chain.request());
        return response.code() == 429
                ? response.newBuilder().header("X-Should-Retry", "false").build()
                : response;
    };

    private SdkClients() {}

    /**
     * @param rotateOn429 whether other keys exist to rotate to; with a single key the SDK's own 429 retries are kept
     */
    static OpenAIClient build(AppConfig.Model config, Secret key, boolean rotateOn429) {
        Duration t = config.timeout();
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .baseUrl(config.baseUrl().toString())
                .apiKey(key.reveal())
                .timeout(
                        Timeout.builder().connect(t).read(t).write(t).request(t).build())
                .maxRetries(config.maxRetries())
                // The SDK's DEBUG log (switched on by OPENAI_LOG) prints request bodies: user text. Never.
                .logLevel(LogLevel.OFF);
        if (rotateOn429) {
            builder.addInterceptor(NO_SDK_RETRY_ON_429);
        }
        return builder.build();
    }
}
