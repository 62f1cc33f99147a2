package io.sanjiaodi.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a kustomization as {@code kubectl kustomize} does, for the few fields these manifests use
 * (resources, namespace, images, JSON 6902 patches with a target), so the validation runs on a
 * machine without kubectl too. Any other field is refused rather than ignored, and where kubectl is
 * on the path {@code ManifestsTest} checks that both builds are the same documents.
 */
final class Kustomize {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");

    private Kustomize() {}

    static List<ObjectNode> build(Path dir) {
        ObjectNode kustomization =
                (ObjectNode) readAll(dir.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field " + field + " is not supported here");
            }
        });
        List<ObjectNode> docs = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            docs.addAll(Files.isDirectory(path) ? build(path) : readAll(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(docs, patch);
        }
        for (JsonNode image : kustomization.path("images")) {
            docs.forEach(doc -> setImage(doc, image));
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            docs.forEach(doc -> ((ObjectNode) doc.get("metadata"))
                    .put(doc.path("kind").asText().equals("Namespace") ? "name" : "namespace", namespace));
        }
        return docs;
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            List<ObjectNode> docs = new ArrayList<>();
            YAML.readValues(parser, ObjectNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String text(List<ObjectNode> docs) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode doc : docs) {
            try {
                out.append(YAML.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    private static void patch(List<ObjectNode> docs, JsonNode patch) {
        JsonNode target = patch.path("target");
        Pattern name = Pattern.compile(target.path("name").asText(".*"));
        String kind = target.path("kind").asText();
        JsonNode ops;
        try {
            ops = YAML.readTree(patch.path("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int matched = 0;
        for (ObjectNode doc : docs) {
            if (doc.path("kind").asText().equals(kind)
                    && name.matcher(doc.path("metadata").path("name").asText()).matches()) {
                ops.forEach(op -> apply(doc, op));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("patch target " + target + " matches no resource");
        }
    }

    private static void apply(ObjectNode doc, JsonNode op) {
        JsonPointer path = JsonPointer.compile(op.path("path").asText());
        JsonNode parent = doc.at(path.head());
        String last = path.last().getMatchingProperty();
        switch (op.path("op").asText()) {
            case "replace" -> {
                require(!doc.at(path).isMissingNode(), "replace of a missing " + path);
                set(parent, last, op.get("value"));
            }
            case "add" -> set(parent, last, op.get("value"));
            case "remove" -> {
                require(!doc.at(path).isMissingNode(), "remove of a missing " + path);
                if (parent instanceof ObjectNode object) {
                    object.remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new IllegalArgumentException("patch op " + op.path("op") + " is not supported here");
        }
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        require(parent instanceof ContainerNode<?>, "no object or list at the parent of " + key);
        if (parent instanceof ObjectNode object) {
            object.set(key, value.deepCopy());
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value.deepCopy());
        }
    }

    private static void setImage(ObjectNode doc, JsonNode image) {
        for (String containers : List.of("containers", "initContainers")) {
            for (JsonNode container :
                    doc.path("spec").path("template").path("spec").path(containers)) {
                String current = container.path("image").asText();
                int colon = current.lastIndexOf(':');
                String imageName = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                if (imageName.equals(image.path("name").asText())) {
                    String newName = image.path("newName").asText(imageName);
                    String tag = image.has("newTag")
                            ? image.get("newTag").asText()
                            : colon > current.lastIndexOf('/') ? current.substring(colon + 1) : "latest";
                    ((ObjectNode) container).put("image", newName + ":" + tag);
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
