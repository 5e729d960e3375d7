package org.wassist.infra.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The operator's non-secret runtime settings (PRE_PROMPT, OPENAI_GPT_MODEL, …), passed to a process as environment
 * variables. Secrets never go into environment variables or templates: a name that looks secret is refused at synth
 * time and belongs in the app secret instead (docs/operations.md). Names the deployment sets itself are refused too.
 */
public final class AppSettings {
    /** Lambda's limit for all variables together is 4 KB; this leaves room for the ones the deployment sets. */
    public static final int MAX_BYTES = 3000;

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A token budget such as MAX_MODEL_TOKENS or MEMORY_MAX_TOKENS is a number, not a credential. */
    private static final Pattern TOKEN_BUDGET = Pattern.compile("(.*_)?MAX(_.*)?_TOKENS");

    private static final Set<String> SET_BY_DEPLOYMENT = Set.of(
            "INBOUND_QUEUE_URL",
            "OUTBOUND_QUEUE_URL",
            "IDEMPOTENCY_TABLE",
            "MEDIA_BUCKET",
            "DB_CLUSTER_ARN",
            "DB_SECRET_ARN",
            "DB_NAME",
            "APP_SECRET_ARN",
            "OPENAI_API_KEYS_SECRET_ARN",
            "INBOUND_MAX_RECEIVES",
            "JAVA_TOOL_OPTIONS",
            "CHANNEL",
            "PORT",
            "PROFILE_DIR",
            "WHATSAPP_PAIRING_NUMBER");

    private AppSettings() {}

    /** True when the name looks like it holds a credential. */
    public static boolean looksSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("KEY") || n.equals("KEYS") || n.endsWith("_KEY") || n.endsWith("_KEYS")) {
            return true;
        }
        for (String word : new String[] {"SECRET", "PASSWORD", "PASSPHRASE", "CREDENTIAL"}) {
            if (n.contains(word)) {
                return true;
            }
        }
        return n.contains("TOKEN") && !TOKEN_BUDGET.matcher(n).matches();
    }

    /** Validates the settings under context key {@code key}; problems go to the reader, values become text. */
    static Map<String, String> read(ContextReader context, String key) {
        Map<String, String> out = new TreeMap<>();
        int bytes = 0;
        for (Map.Entry<String, @Nullable Object> e : context.object(key).entrySet()) {
            String name = e.getKey();
            String problem = problem(name, e.getValue());
            if (problem != null) {
                context.problem(key + "." + name + " " + problem);
                continue;
            }
            String value = String.valueOf(e.getValue());
            out.put(name, value);
            bytes += (name + value).getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            context.problem(key + " holds " + bytes + " bytes; at most " + MAX_BYTES
                    + " fit in a Lambda environment beside the deployment's own variables");
        }
        return out;
    }

    private static @Nullable String problem(String name, @Nullable Object value) {
        if (!NAME.matcher(name).matches()) {
            return "is not an environment variable name (upper case letters, digits and _)";
        }
        if (looksSecret(name)) {
            return "looks like a secret (a name ending in _KEY or _KEYS, or containing TOKEN, SECRET or PASSWORD):"
                    + " secrets never go into environment variables or templates; put it into the app secret"
                    + " (docs/operations.md, section Secrets)";
        }
        if (SET_BY_DEPLOYMENT.contains(name) || name.startsWith("AWS_") || name.startsWith("LAMBDA_")) {
            return "is set by the deployment itself and cannot be overridden";
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "must be a string, number or boolean";
        }
        return null;
    }
}
