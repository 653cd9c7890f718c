package dev.spotter.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * Reads Kubernetes resources into their typed models (fabric8's, cert-manager's, the Prometheus Operator's, Strimzi's)
 * as strictly as the API server would: a field the model does not know, or a value of the wrong type, fails. The
 * models keep unknown fields aside by default ({@code @JsonAnySetter}); here they may not. A Strimzi field deprecated in
 * the model (gone from the kafka.strimzi.io/v1 API) fails too.
 */
final class StrictModels {

    private static final ObjectMapper STRICT = strictMapper();

    private StrictModels() {
    }

    /** The resource as {@code type}, or an AssertionError naming the resource and the offending field. */
    static <T> T read(JsonNode node, Class<T> type, String where) {
        T value;
        try {
            value = STRICT.treeToValue(node, type);
        } catch (Exception e) {
            throw new AssertionError(where + ": not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        checkModel(value, where, 0);
        return value;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE; // unknown fields fail instead of landing in additionalProperties
                    }
                })
                .build();
        // a number or a boolean where the API wants a string (a ConfigMap value, a label) is refused too
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Walks the model: nothing kept aside as unknown, no deprecated field set. */
    private static void checkModel(Object model, String where, int depth) {
        if (model == null || depth > 50) {
            return;
        }
        if (model instanceof Collection<?> items) {
            items.forEach(item -> checkModel(item, where, depth + 1));
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((key, value) -> checkModel(value, where + "." + key, depth + 1));
            return;
        }
        if (!isModel(model.getClass())) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (!isProperty(getter)) {
                continue;
            }
            Object value = invoke(getter, model, where);
            String field = where + "." + property(getter);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    throw new AssertionError(field + ": unknown fields " + extra.keySet());
                }
                continue;
            }
            if (getter.isAnnotationPresent(Deprecated.class) && isSet(value)) {
                throw new AssertionError(field + ": deprecated, and gone from the current API version");
            }
            checkModel(value, field, depth + 1);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.strimzi.api.") || name.startsWith("io.fabric8.kubernetes.api.model.")
                || name.startsWith("io.fabric8.certmanager.api.model.") || name.startsWith("io.fabric8.openshift.api.model.");
    }

    private static boolean isProperty(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass")
                && isModel(method.getDeclaringClass());
    }

    private static Object invoke(Method getter, Object model, String where) {
        try {
            return getter.invoke(model);
        } catch (InvocationTargetException e) {
            throw new AssertionError(where + "." + property(getter) + ": invalid value: " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof Collection<?> c && c.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
