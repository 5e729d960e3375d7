package org.wassist.openai;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wassist.config.AppConfig;
import org.wassist.model.ChatModel;
import org.wassist.model.ChatReply;
import org.wassist.model.ChatRequest;

/**
 * {@link ChatModel} on openai-java, for OpenAI or any OpenAI-compatible server ({@code baseUrl}).
 *
 * <p>Each call uses the next key of the pool. A 401, 403 or 429 makes that key rest for the cool-down and the same
 * request goes at once to the next key that is not resting; when every key rests the call fails with {@code
 * Transient(MODEL_UNAVAILABLE)}. Server errors, timeouts and I/O errors are retried by the SDK ({@code maxRetries})
 * and then fail with {@code Transient(MODEL_UNAVAILABLE)}; other refusals (400, 404, 422) with {@code
 * Permanent(MODEL_REJECTED)} ({@code PROMPT_TOO_LONG} when the provider says the context is too long); no keys with
 * {@code Permanent(MODEL_NOT_CONFIGURED)}. Failure texts never contain provider text or key values.
 *
 * <p>One SDK client per key, built on first use and then reused. On a cold JVM the first client and the first
 * request cost seconds (class loading, Jackson with Kotlin reflection), so the constructor builds nothing and
 * {@link #warmUp()} does that work on purpose, without network. Thread-safe.
 */
public final class OpenAiChatModel implements ChatModel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatModel.class);

    private final AppConfig.Model config;
    private final KeyPool pool;
    private final @Nullable OpenAIClient[] clients;
    private volatile boolean completionField;

    public OpenAiChatModel(AppConfig.Model config) {
        this(config, Clock.systemUTC());
    }

    /** Uses {@code clock} to tell when a resting key may be used again. */
    public OpenAiChatModel(AppConfig.Model config, Clock clock) {
        this.config = config;
        this.pool = new KeyPool(config.apiKeys(), config.keyCooldown(), clock);
        this.clients = new OpenAIClient[pool.size()];
    }

    @Override
    public ChatReply complete(ChatRequest request) {
        if (pool.size() == 0) {
            throw SdkFailures.noKeys();
        }
        int lastStatus = 0;
        for (int attempt = 0; attempt < pool.size(); attempt++) {
            KeyPool.Key key = pool.next();
            if (key == null) {
                break;
            }
            try {
                return call(key, request);
            } catch (OpenAIServiceException e) {
                if (!SdkFailures.restsKey(e)) {
                    throw SdkFailures.of(e, config.maxRetries());
                }
                lastStatus = rest(key, e.statusCode());
            } catch (RuntimeException e) {
                throw SdkFailures.of(e, config.maxRetries());
            }
        }
        throw SdkFailures.allKeysResting(pool.size(), lastStatus);
    }

    private int rest(KeyPool.Key key, int status) {
        pool.rest(key);
        LOG.warn(
                "model {} of {} rests for {} s after HTTP {}",
                key,
                pool.size(),
                pool.cooldown().toSeconds(),
                status);
        return status;
    }

    /** One call with one key; switches to {@code max_completion_tokens} for good when the model asks for it. */
    private ChatReply call(KeyPool.Key key, ChatRequest request) {
        OpenAIClient client = client(key);
        try {
            return send(client, request, completionField);
        } catch (OpenAIServiceException e) {
            if (completionField || !SdkFailures.wantsCompletionField(e)) {
                throw e;
            }
            LOG.info("model refused max_tokens; sending max_completion_tokens from now on");
            completionField = true;
            return send(client, request, true);
        }
    }

    private ChatReply send(OpenAIClient client, ChatRequest request, boolean useCompletionField) {
        ChatCompletion completion =
                client.chat().completions().create(ChatParams.of(config.name(), request, useCompletionField));
        return ChatParams.reply(completion, config.name());
    }

    /**
     * Builds the client for the first key and runs the SDK's JSON mapping once, without network: call it during a
     * function's init phase (or before a snapshot) so the first message does not pay for it. Idempotent.
     */
    public void warmUp() {
        KeyPool.Key first = pool.first();
        if (first != null) {
            client(first);
            ChatParams.exercise();
        }
    }

    private synchronized OpenAIClient client(KeyPool.Key key) {
        OpenAIClient c = clients[key.index()];
        if (c == null) {
            c = SdkClients.build(config, key.secret(), pool.size() > 1);
            clients[key.index()] = c;
        }
        return c;
    }

    /** How many SDK clients exist now. */
    synchronized int clientsBuilt() {
        int n = 0;
        for (OpenAIClient c : clients) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < clients.length; i++) {
            OpenAIClient c = clients[i];
            if (c != null) {
                c.close();
                clients[i] = null;
            }
        }
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[server=" + server(config.baseUrl()) + ", model=" + config.name() + ", keys="
                + pool.size() + "]";
    }

    /** The base URL without user info, query or fragment, which could hold credentials. */
    static String server(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }
}
