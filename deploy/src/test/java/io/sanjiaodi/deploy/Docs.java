package io.sanjiaodi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The resources of one build, looked up by kind and name. */
record Docs(List<ObjectNode> all) {

    List<ObjectNode> ofKind(String kind) {
        return all.stream()
                .filter(doc -> doc.path("kind").asText().equals(kind))
                .toList();
    }

    JsonNode one(String kind, String name) {
        return ofKind(kind).stream()
                .filter(doc -> name(doc).equals(name))
                .findFirst()
                .map(JsonNode.class::cast)
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The Deployments and StatefulSets of the application (not the operators' own). */
    List<ObjectNode> workloads() {
        return all.stream()
                .filter(doc -> List.of("Deployment", "StatefulSet")
                        .contains(doc.path("kind").asText()))
                .toList();
    }

    /** The pods' partitions per topic: the services' own setting in the shared ConfigMap. */
    int servicePartitions() {
        return one("ConfigMap", "sanjiaodi-common")
                .path("data")
                .path("SANJIAODI_PARTITIONS")
                .asInt(-1);
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    /** Whether a label selector ({@code matchLabels} and {@code In} expressions) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> wanted : selector.path("matchLabels").properties()) {
            if (!labels.path(wanted.getKey()).asText().equals(wanted.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            boolean in = false;
            for (JsonNode allowed : expression.path("values")) {
                in |= allowed.asText().equals(value);
            }
            if (!expression.path("operator").asText().equals("In") || !in) {
                return false;
            }
        }
        return true;
    }
}
