package org.wassist.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.assertions.Template;

/** Reading synthesised templates as plain maps, and flattening IAM policies into (action, resource) pairs. */
final class Templates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {}

    /** Resources of one type, by logical id. */
    static Map<String, Map<String, Object>> resources(Template t, String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        t.findResources(type).forEach((id, r) -> out.put(id, map(r)));
        return out;
    }

    /** The only resource of this type whose logical id starts with the prefix. */
    static Map.Entry<String, Map<String, Object>> only(Template t, String type, String idPrefix) {
        List<Map.Entry<String, Map<String, Object>>> found = resources(t, type).entrySet().stream()
                .filter(e -> e.getKey().startsWith(idPrefix))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + type + " resources start with " + idPrefix);
        }
        return found.get(0);
    }

    static Map<String, Object> props(Map<String, Object> resource) {
        Object p = resource.get("Properties");
        return p == null ? Map.of() : map(p);
    }

    static Map<String, Object> map(@Nullable Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new AssertionError("not a JSON object: " + o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static List<Object> list(@Nullable Object o) {
        if (o == null) {
            return List.of();
        }
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of(o);
    }

    static String json(@Nullable Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One permission: an action on a resource (as template JSON), with its condition if any. */
    record Permission(String action, String resource, String condition) {
        boolean matches(String expectedAction, String resourceFragment) {
            return action.equals(expectedAction) && resource.contains(resourceFragment);
        }
    }

    /** Every allowed action/resource pair in the policies attached to the role with this logical id prefix. */
    static List<Permission> permissions(Template t, String roleIdPrefix) {
        String roleId = only(t, "AWS::IAM::Role", roleIdPrefix).getKey();
        List<Permission> out = new ArrayList<>();
        for (Map<String, Object> policy : resources(t, "AWS::IAM::Policy").values()) {
            Map<String, Object> p = props(policy);
            if (!json(p.get("Roles")).contains("\"" + roleId + "\"")) {
                continue;
            }
            for (Object s : list(map(p.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                for (Object a : list(statement.get("Action"))) {
                    for (Object r : list(statement.get("Resource"))) {
                        out.add(new Permission(String.valueOf(a), json(r), json(statement.get("Condition"))));
                    }
                }
            }
        }
        return out;
    }

    /** Every statement of every IAM policy in the template (inline policies of roles included). */
    static List<Map<String, Object>> allStatements(Template t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> policy : resources(t, "AWS::IAM::Policy").values()) {
            for (Object s : list(map(props(policy).get("PolicyDocument")).get("Statement"))) {
                out.add(map(s));
            }
        }
        for (Map<String, Object> role : resources(t, "AWS::IAM::Role").values()) {
            for (Object p : list(props(role).get("Policies"))) {
                for (Object s : list(map(map(p).get("PolicyDocument")).get("Statement"))) {
                    out.add(map(s));
                }
            }
        }
        return out;
    }
}
