package org.wassist.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON objects from context values and context files, as maps of names to JSON values. */
public final class JsonObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjects() {}

    /** Parses JSON text that must hold an object. */
    public static Map<String, @Nullable Object> parse(String json) throws JsonProcessingException {
        Object parsed = JSON.readValue(json, Object.class);
        if (parsed instanceof Map<?, ?> map) {
            return copy(map);
        }
        throw new IllegalArgumentException("expected a JSON object");
    }

    static Map<String, @Nullable Object> copy(Map<?, ?> map) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
