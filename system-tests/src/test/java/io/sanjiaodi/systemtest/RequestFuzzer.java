package io.sanjiaodi.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests, valid and invalid, generated from a service's OpenAPI document: hostile path
 * and query values (MongoDB operators, dotted keys, path tricks, overlong and CJK text), bodies
 * shaped by the schema but filled with random or wrongly typed values, and plain garbage.
 */
final class RequestFuzzer {

    static final List<String> HOSTILE = List.of(
            "x",
            "$where",
            "{\"$ne\":null}",
            "a.b",
            "../../etc/passwd",
            "..%2f..%2fetc",
            "中文单位",
            "0",
            "-1",
            "9".repeat(30),
            "n".repeat(300),
            "null",
            "true",
            " ",
            "550e8400-e29b-41d4-a716-446655440000",
            "ningbo",
            "CITY_MANAGED",
            "2018-11-15",
            "2018-02-30");
    static final List<String> GARBAGE_BODIES = List.of(
            "",
            "{",
            "[]",
            "null",
            "{}",
            "\"text\"",
            "{\"$where\": \"sleep(100)\"}",
            "{\"a.b\": 1, \"$set\": {\"status\": \"X\"}}",
            "[{}, {}]");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random;
    private final JsonNode schemas;

    RequestFuzzer(long seed, JsonNode openApi) {
        this.random = new Random(seed);
        this.schemas = openApi.path("components").path("schemas");
    }

    String hostile() {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    String path(String template) {
        StringBuilder path = new StringBuilder();
        for (String part : template.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part.startsWith("{") ? URLEncoder.encode(hostile(), StandardCharsets.UTF_8) : part);
        }
        return path.toString();
    }

    String query(JsonNode parameters) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(parameter.path("name").asText())
                        .append('=')
                        .append(URLEncoder.encode(hostile(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    String body(JsonNode operation) {
        if (random.nextInt(4) == 0) {
            return GARBAGE_BODIES.get(random.nextInt(GARBAGE_BODIES.size()));
        }
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        return value(schema, 0).toString();
    }

    private JsonNode value(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 3 ? JSON.nullNode() : value(schemas.path(name), depth + 1);
        }
        if (random.nextInt(8) == 0) {
            return JSON.getNodeFactory().textNode(hostile());
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "integer" -> JSON.getNodeFactory().numberNode(random.nextInt(5000) - 100);
            case "boolean" -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(value(schema.path("items"), depth + 1));
                yield array;
            }
            case "object" -> object(schema, depth);
            default ->
                schema.has("enum") && random.nextBoolean()
                        ? schema.get("enum")
                                .get(random.nextInt(schema.get("enum").size()))
                        : JSON.getNodeFactory().textNode(hostile());
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (random.nextInt(6) != 0) {
                object.set(field.getKey(), value(field.getValue(), depth + 1));
            }
        }
        return object;
    }
}
