package dev.spotter.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares the AsyncAPI document with the contract classes and says every difference: topics, event types and
 * versions, the envelope's headers, and each record's fields, their types and which are required.
 */
final class AsyncApiContract {

    /** The schemas that describe no record: the envelope and the dead-letter headers. */
    static final Set<String> ENVELOPE_SCHEMAS = Set.of("CloudEventHeaders", "DeadLetterHeaders");

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> schemasUsed = new HashSet<>(ENVELOPE_SCHEMAS);
    private final Set<Class<?>> recordsChecked = new HashSet<>();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = AsyncApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** Every difference between {@code document} and the code; empty when they agree. */
    static List<String> problems(JsonNode document) {
        AsyncApiContract contract = new AsyncApiContract(document);
        contract.checkChannels();
        contract.checkEnvelope();
        contract.checkNothingExtra();
        return contract.problems;
    }

    private void checkChannels() {
        Set<String> addresses = new TreeSet<>();
        document.path("channels").properties().forEach(c -> addresses.add(c.getValue().path("address").asText()));
        Set<String> expected = new TreeSet<>();
        for (Topic<?> topic : Topics.all()) {
            expected.add(topic.name());
            JsonNode channel = channelAt(topic.name());
            if (channel == null) {
                problems.add("topic " + topic.name() + " has no channel");
            } else {
                checkMessages(topic, channel);
            }
        }
        for (String service : receivingServices()) {
            expected.add(Topic.deadLetterTopicOf(service));
        }
        if (!addresses.equals(expected)) {
            problems.add("channels " + addresses + " are not the topics and dead-letter topics " + expected);
        }
    }

    /** The services the document says consume events: each has a dead-letter topic. */
    private Set<String> receivingServices() {
        Set<String> services = new TreeSet<>();
        document.path("operations").properties().forEach(o -> {
            String address = resolve(o.getValue().path("channel")).path("address").asText();
            if (o.getValue().path("action").asText().equals("receive") && Topics.all().stream().anyMatch(t -> t.name().equals(address))) {
                services.add(o.getKey().substring(0, o.getKey().indexOf('.')));
            }
        });
        return services;
    }

    private void checkMessages(Topic<?> topic, JsonNode channel) {
        Set<String> documented = new TreeSet<>();
        channel.path("messages").forEach(m -> documented.add(resolve(m).path("name").asText()));
        if (!documented.equals(new TreeSet<>(topic.eventClassesByType().keySet()))) {
            problems.add(topic.name() + " documents " + documented + " but carries " + new TreeSet<>(topic.eventClassesByType().keySet()));
        }
        channel.path("messages").forEach(m -> {
            JsonNode message = resolve(m);
            Class<?> eventClass = topic.eventClassesByType().get(message.path("name").asText());
            if (eventClass != null) {
                checkMessage(eventClass, message);
            }
        });
    }

    private void checkMessage(Class<?> eventClass, JsonNode message) {
        String where = "message " + message.path("name").asText();
        JsonNode headers = message.path("headers").path("allOf");
        if (!refName(headers.path(0)).equals("CloudEventHeaders")) {
            problems.add(where + ": headers are not the CloudEvents envelope");
        }
        JsonNode own = headers.path(1).path("properties");
        expectEqual(where + " ce_type", own.path(CloudEventCodec.H_TYPE).path("const").asText(), EventTypes.typeOf(eventClass));
        expectEqual(where + " ce_schemaversion", own.path(CloudEventCodec.H_SCHEMA_VERSION).path("const").asText(),
                Integer.toString(EventTypes.versionOf(eventClass)));
        checkSchemaOfType(where + " payload", eventClass, message.path("payload"));
    }

    /** The envelope's headers are the ones the codec writes, every one required. */
    private void checkEnvelope() {
        JsonNode envelope = document.at("/components/schemas/CloudEventHeaders");
        Set<String> documented = names(envelope.path("properties"));
        Set<String> written = new TreeSet<>(headerConstants());
        for (SpotterEvent event : SampleEvents.all()) {
            written.addAll(new CloudEventCodec("/spotter/test").encode(event).headers().keySet());
        }
        expectEqual("CloudEvents headers", documented, written);
        expectEqual("required CloudEvents headers", values(envelope.path("required")), written);
    }

    private static Set<String> headerConstants() {
        Set<String> headers = new TreeSet<>();
        for (var field : CloudEventCodec.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("H_")) {
                try {
                    headers.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return headers;
    }

    /** Every message and schema in the components is used by a channel or by a record. */
    private void checkNothingExtra() {
        Set<String> messagesUsed = new HashSet<>();
        document.path("channels").forEach(c -> c.path("messages").forEach(m -> messagesUsed.add(refName(m))));
        names(document.path("components").path("messages")).stream().filter(m -> !messagesUsed.contains(m))
                .forEach(m -> problems.add("message " + m + " is on no channel"));
        names(document.path("components").path("schemas")).stream().filter(s -> !schemasUsed.contains(s))
                .forEach(s -> problems.add("schema " + s + " describes nothing in the code"));
    }

    private void checkRecord(String where, Class<?> record, JsonNode schema) {
        if (!recordsChecked.add(record)) {
            return;
        }
        expectEqual(where + " type", schema.path("type").asText(), "object");
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            if (!property.isMissingNode()) {
                checkSchemaOfType(where + "." + component.getName(), component.getGenericType(), property);
            }
        }
        expectEqual(where + " properties", names(schema.path("properties")), components);
        expectEqual(where + " required", values(schema.path("required")), RecordSamples.requiredComponents(record));
    }

    private void checkSchemaOfType(String where, Type type, JsonNode schema) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            expectEqual(where + " type", schema.path("type").asText(), "array");
            checkSchemaOfType(where + "[]", list.getActualTypeArguments()[0], schema.path("items"));
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord() || raw.isEnum() && schema.has("$ref")) {
            String name = refName(schema);
            expectEqual(where + " $ref", name, raw.getSimpleName());
            schemasUsed.add(name);
            JsonNode target = resolve(schema);
            if (raw.isRecord()) {
                checkRecord(raw.getSimpleName(), raw, target);
            } else {
                checkEnum(where, raw, target);
            }
        } else if (raw.isEnum()) {
            checkEnum(where, raw, schema);
        } else {
            expectEqual(where, typeAndFormat(schema), expectedTypeAndFormat(raw));
        }
    }

    private void checkEnum(String where, Class<?> type, JsonNode schema) {
        Set<String> constants = new TreeSet<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
        expectEqual(where + " type", schema.path("type").asText(), "string");
        expectEqual(where + " enum", values(schema.path("enum")), constants);
    }

    private static String expectedTypeAndFormat(Class<?> type) {
        if (type == UUID.class) {
            return "string/uuid";
        } else if (type == Instant.class) {
            return "string/date-time";
        } else if (type == LocalDate.class) {
            return "string/date";
        } else if (type == String.class) {
            return "string/";
        } else if (type == int.class || type == Integer.class) {
            return "integer/int32";
        } else if (type == long.class || type == Long.class) {
            return "integer/int64";
        } else if (type == boolean.class || type == Boolean.class) {
            return "boolean/";
        }
        throw new IllegalArgumentException("no JSON type known for " + type + ": teach AsyncApiContract");
    }

    private static String typeAndFormat(JsonNode schema) {
        return schema.path("type").asText() + "/" + schema.path("format").asText();
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        return null;
    }

    /** Follows {@code $ref}s within the document. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static String refName(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private void expectEqual(String what, Object documented, Object inCode) {
        if (!documented.equals(inCode)) {
            problems.add(what + ": the document says " + documented + ", the code " + inCode);
        }
    }

    /** Builds records from sample values to find, by trying, which components their constructors require. */
    static final class RecordSamples {

        private RecordSamples() {
        }

        /**
         * The components a record cannot be built without: primitives (always written), and every other component
         * whose absence the constructor refuses when the rest are present. A field required only in some cases
         * (an actor for an acknowledgement) counts as optional.
         */
        static Set<String> requiredComponents(Class<?> record) {
            RecordComponent[] components = record.getRecordComponents();
            Set<String> required = new LinkedHashSet<>();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive() || !builds(record, sampleArguments(record, i))) {
                    required.add(components[i].getName());
                }
            }
            if (!builds(record, sampleArguments(record, -1))) {
                throw new IllegalStateException("cannot build a sample " + record.getSimpleName());
            }
            return new TreeSet<>(required);
        }

        static Object sample(Class<?> type) {
            if (type.isRecord()) {
                return build(type, sampleArguments(type, -1));
            } else if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            return switch (type.getName()) {
                case "java.util.UUID" -> UUID.fromString("2b4e6a8c-1d3f-4a5b-8c7d-9e0f1a2b3c4d");
                case "java.lang.String" -> "northside";
                case "java.time.Instant" -> Instant.parse("2026-03-29T01:30:00Z");
                case "java.time.LocalDate" -> LocalDate.parse("2026-09-25");
                case "int", "java.lang.Integer" -> 1;
                case "long", "java.lang.Long" -> 1L;
                case "boolean", "java.lang.Boolean" -> false;
                case "java.util.List" -> List.of();
                default -> throw new IllegalArgumentException("no sample for " + type + ": teach AsyncApiContract");
            };
        }

        /** A sample for every component, with the one at {@code absent} left null. */
        private static Object[] sampleArguments(Class<?> record, int absent) {
            RecordComponent[] components = record.getRecordComponents();
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = i == absent ? null : sample(components[i].getType());
            }
            return arguments;
        }

        private static boolean builds(Class<?> record, Object[] arguments) {
            try {
                build(record, arguments);
                return true;
            } catch (IllegalArgumentException | NullPointerException e) {
                return false;
            }
        }

        private static Object build(Class<?> record, Object[] arguments) {
            Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = record.getDeclaredConstructor(types);
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException refused) {
                    throw refused;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call the constructor of " + record.getSimpleName(), e);
            }
        }
    }
}
