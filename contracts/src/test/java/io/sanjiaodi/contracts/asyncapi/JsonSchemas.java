package io.sanjiaodi.contracts.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas (the draft-07 subset AsyncAPI 3's schema object is) of the contract records, as the
 * services' mapper writes them: a record is an object of exactly its components (each present,
 * {@code additionalProperties} false), a nested record a {@code $ref} to its own schema under
 * {@code #/components/schemas}. Reference types may be null; primitives may not.
 */
final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Every record schema reached so far, by its schema name. */
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    Map<String, ObjectNode> all() {
        return schemas;
    }

    /** The schema name of a record: its simple name, with the enclosing record's for nested ones. */
    static String nameOf(Class<?> type) {
        return type.getEnclosingClass() == null
                ? type.getSimpleName()
                : nameOf(type.getEnclosingClass()) + type.getSimpleName();
    }

    /** A {@code $ref} to the record's schema, adding it (and every record it reaches) on first use. */
    ObjectNode refTo(Class<?> record) {
        String name = nameOf(record);
        if (!schemas.containsKey(name)) {
            ObjectNode schema = JSON.objectNode();
            schemas.put(name, schema); // before the components: records may refer to themselves
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = JSON.arrayNode();
            for (RecordComponent component : record.getRecordComponents()) {
                properties.set(component.getName(), of(component.getGenericType()));
                required.add(component.getName());
            }
            schema.set("required", required);
            schema.put("additionalProperties", false);
        }
        return JSON.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return nullable(JSON.objectNode().put("type", "array").set("items", of(arguments[0])));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return nullable(JSON.objectNode().put("type", "object").set("additionalProperties", of(arguments[1])));
            }
            throw new IllegalArgumentException("no JSON Schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (c == int.class || c == long.class || c == short.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (c == double.class || c == float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (c == Boolean.class) {
            return nullable(JSON.objectNode().put("type", "boolean"));
        }
        if (c == Integer.class || c == Long.class) {
            return nullable(JSON.objectNode().put("type", "integer"));
        }
        if (c == String.class) {
            return nullable(JSON.objectNode().put("type", "string"));
        }
        if (c == LocalDate.class) {
            return nullable(JSON.objectNode().put("type", "string").put("format", "date"));
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return nullable(JSON.objectNode().put("type", "string").put("format", "date-time"));
        }
        if (c.isEnum()) {
            ObjectNode schema = JSON.objectNode();
            schema.set("type", JSON.arrayNode().add("string").add("null"));
            ArrayNode values = schema.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            values.addNull();
            return schema;
        }
        if (c.isRecord()) {
            return JSON.objectNode()
                    .set(
                            "oneOf",
                            JSON.arrayNode().add(refTo(c)).add(JSON.objectNode().put("type", "null")));
        }
        throw new IllegalArgumentException("no JSON Schema for " + c.getName());
    }

    /** A reference type's schema: its value, or null. */
    private static ObjectNode nullable(ObjectNode schema) {
        String type = schema.get("type").asText();
        schema.set("type", JSON.arrayNode().add(type).add("null"));
        return schema;
    }
}
