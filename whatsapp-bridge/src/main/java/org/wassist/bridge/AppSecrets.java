package org.wassist.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wassist.config.ConfigException;
import org.wassist.message.MessageCodec;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The deployment keeps the bridge's secrets ({@code LOG_PSEUDONYM_KEY}, {@code QR_PAGE_TOKEN}) in one Secrets Manager
 * secret whose value is a JSON object; {@code APP_SECRET_ARN} names it. They are merged into the settings'
 * environment, where a variable set directly wins (local runs set them directly and no ARN).
 */
final class AppSecrets {
    static final Set<String> KEYS = Set.of("LOG_PSEUDONYM_KEY", "QR_PAGE_TOKEN");

    private AppSecrets() {}

    static Map<String, String> merge(Map<String, String> env) {
        String arn = env.get("APP_SECRET_ARN");
        if (arn == null || arn.isBlank()) {
            return env;
        }
        return merge(env, fetch(arn, env.get("AWS_REGION")));
    }

    static Map<String, String> merge(Map<String, String> env, String secretJson) {
        JsonNode json;
        try {
            json = MessageCodec.mapper().readTree(secretJson);
        } catch (IOException e) {
            throw new ConfigException(java.util.List.of("the secret named by APP_SECRET_ARN is not a JSON object"));
        }
        Map<String, String> merged = new HashMap<>(env);
        for (String key : KEYS) {
            JsonNode v = json.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                merged.putIfAbsent(key, v.asText());
            }
        }
        return merged;
    }

    private static String fetch(String arn, @Nullable String region) {
        if (region == null || region.isBlank()) {
            throw new ConfigException(java.util.List.of("AWS_REGION is required to read APP_SECRET_ARN"));
        }
        try (SecretsManagerClient sm = SecretsManagerClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build()) {
            return sm.getSecretValue(b -> b.secretId(arn)).secretString();
        }
    }
}
