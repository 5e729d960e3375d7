package org.wassist.aws.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.wassist.message.MessageCodec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the application secret ({@code APP_SECRET_ARN}): a JSON object whose entries become settings with the same
 * names, so secrets reach {@link org.wassist.config.ConfigLoader} without ever being environment variables or
 * template values. Only the names in {@link #ALLOWED} are taken; blank values and the deployment's placeholder count
 * as unset. Errors name the problem, never a value.
 */
public final class AppSecret {
    /** The settings the secret may carry. */
    public static final Set<String> ALLOWED =
            Set.of("OPENAI_API_KEYS", "OPENAI_API_KEY", "LOG_PSEUDONYM_KEY", "QR_PAGE_TOKEN");

    /** The value the deployment writes until the operator sets a real one. */
    public static final String PLACEHOLDER = "REPLACE_ME";

    private AppSecret() {}

    public static Map<String, String> load(SecretsManagerClient client, String secretArn) {
        String json;
        try {
            json = client.getSecretValue(r -> r.secretId(secretArn)).secretString();
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "cannot read the application secret (" + e.getClass().getSimpleName() + ")");
        }
        return parse(json == null ? "" : json);
    }

    static Map<String, String> parse(String json) {
        JsonNode root;
        try {
            root = MessageCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the application secret is not a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the application secret is not a JSON object");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : ALLOWED) {
            JsonNode v = root.get(name);
            if (v != null
                    && v.isTextual()
                    && !v.asText().isBlank()
                    && !v.asText().strip().equals(PLACEHOLDER)) {
                settings.put(name, v.asText().strip());
            }
        }
        return settings;
    }
}
