package io.sanjiaodi.deploy;

import static java.util.Map.entry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads each resource strictly into its published Java model: fabric8's for Kubernetes and the
 * Gateway API, Strimzi's own for its custom resources; an unknown or misspelt field, or a value
 * of the wrong type (a number where Kubernetes wants a string), is a problem, not silently kept
 * (the models keep unknown fields in additionalProperties, which is switched off here). The
 * operators that publish no Java model (CloudNativePG, MongoDB Community) are checked against the
 * JSON Schemas in k8s/schemas, subsets of their CRDs.
 */
final class StrictModels {
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            entry("v1/Namespace", Namespace.class),
            entry("v1/ConfigMap", ConfigMap.class),
            entry("v1/Service", Service.class),
            entry("apps/v1/Deployment", Deployment.class),
            entry("apps/v1/StatefulSet", StatefulSet.class),
            entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    private static final ObjectMapper STRICT = strictMapper();

    private final Map<String, Schema> schemas;

    StrictModels(Path schemaDir) {
        this.schemas = loadSchemas(schemaDir);
    }

    /** The kinds checked against a schema rather than a model, as {@code group/version/Kind}. */
    java.util.Set<String> schemaKinds() {
        return schemas.keySet();
    }

    /** What is wrong with one resource; empty when it reads into its model or meets its schema. */
    List<String> problems(ObjectNode doc) {
        String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        String name = key + " " + doc.path("metadata").path("name").asText();
        Class<?> model = MODELS.get(key);
        if (model != null) {
            try {
                STRICT.treeToValue(doc, model);
                return List.of();
            } catch (JsonMappingException e) {
                return List.of(name + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
            } catch (JsonProcessingException e) {
                return List.of(name + ": " + e.getOriginalMessage());
            }
        }
        Schema schema = schemas.get(key);
        if (schema != null) {
            return schema.validate(doc.toString(), InputFormat.JSON).stream()
                    .map(error -> name + ": " + error)
                    .toList();
        }
        return List.of(name + ": no model and no schema for " + key);
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new StrictIntrospector())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Kubernetes refuses a number or a boolean where its schema says string (an env value: 1)
        for (CoercionInputShape shape :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** No any-setter and no ignoreUnknown: every field must be one the model knows. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }
    }

    private static Map<String, Schema> loadSchemas(Path dir) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                // <group>-<version>-<Kind>.json, e.g. postgresql.cnpg.io-v1-Cluster.json
                String[] parts = file.getFileName()
                        .toString()
                        .replaceFirst("\\.json$", "")
                        .split("-");
                String key = String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2)) + "/"
                        + parts[parts.length - 2] + "/" + parts[parts.length - 1];
                schemas.put(key, registry.getSchema(Files.readString(file), InputFormat.JSON));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }
}
