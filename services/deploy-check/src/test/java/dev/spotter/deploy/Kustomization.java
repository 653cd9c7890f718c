package dev.spotter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that deploy/k8s uses:
 * resources (files and folders), components, namespace, JSON 6902 patches, replicas and images. Anything else in a
 * kustomization fails, so the subset cannot drift unnoticed; where kubectl is installed, {@code ManifestsTest}
 * compares this rendering with kustomize's own.
 */
final class Kustomization {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "components", "patches",
            "replicas", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterIssuer", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "IngressClass", "PriorityClass", "StorageClass");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private final Set<Path> filesRead = new TreeSet<>();

    /** The resources that the kustomization in {@code directory} renders to, in the order they were read. */
    List<ObjectNode> render(Path directory) {
        return build(directory, "Kustomization");
    }

    /** Every file any rendering so far has read: kustomizations, resources and patches. */
    Set<Path> filesRead() {
        return filesRead;
    }

    private List<ObjectNode> build(Path directory, String kind) {
        Path file = directory.resolve("kustomization.yaml");
        JsonNode kustomization = readOne(file);
        check(kind.equals(kustomization.path("kind").asText()), file, "must be a " + kind);
        kustomization.fieldNames().forEachRemaining(field -> check(FIELDS.contains(field), file,
                "uses " + field + ", which this test does not render (see Kustomization)"));
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path, "Kustomization") : readAll(path));
        }
        for (JsonNode entry : kustomization.path("components")) {
            Path component = directory.resolve(entry.asText()).normalize();
            List<ObjectNode> added = build(component, "Component");
            resources.addAll(added);
            JsonNode componentFile = readOne(component.resolve("kustomization.yaml"));
            transform(componentFile, component, resources);
        }
        if (kind.equals("Kustomization")) {
            transform(kustomization, directory, resources);
        }
        return resources;
    }

    /** What a kustomization (or a component) does to the resources gathered so far. */
    private void transform(JsonNode kustomization, Path directory, List<ObjectNode> resources) {
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.path("kind").asText()))
                    .forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(patch, directory, resources);
        }
        for (JsonNode image : kustomization.path("images")) {
            setImages(image, resources);
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            setReplicas(replicas, directory, resources);
        }
    }

    private void applyPatch(JsonNode patch, Path directory, List<ObjectNode> resources) {
        Path where = directory.resolve("kustomization.yaml");
        JsonNode operations = patch.has("path") ? readOne(directory.resolve(patch.get("path").asText()).normalize())
                : parse(patch.path("patch").asText(), where);
        check(operations instanceof ArrayNode, where, "only JSON 6902 patches (a list of operations) are rendered here");
        JsonNode target = patch.path("target");
        target.fieldNames().forEachRemaining(field -> check(Set.of("kind", "name", "labelSelector").contains(field), where,
                "patch targets by kind, name and labelSelector only, not " + field));
        List<ObjectNode> matched = resources.stream().filter(r -> matches(target, r)).toList();
        check(!matched.isEmpty(), where, "a patch matches nothing: " + target);
        for (ObjectNode resource : matched) {
            JsonPatch.apply((ArrayNode) operations, resource, where + " on " + Resources.id(resource));
        }
    }

    private static boolean matches(JsonNode target, JsonNode resource) {
        if (target.has("kind") && !target.get("kind").asText().equals(resource.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !resource.path("metadata").path("name").asText().matches(target.get("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            JsonNode labels = resource.path("metadata").path("labels");
            for (String requirement : target.get("labelSelector").asText().split(",")) {
                String[] pair = requirement.trim().split("=", 2);
                if (pair.length != 2 || !pair[1].equals(labels.path(pair[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void setImages(JsonNode image, List<ObjectNode> resources) {
        String name = image.path("name").asText();
        for (ObjectNode resource : resources) {
            for (JsonNode container : resource.findValues("containers")) {
                for (JsonNode c : container) {
                    String current = c.path("image").asText();
                    String bare = current.replaceAll("@.*$", "").replaceAll(":[^:/]*$", "");
                    if (bare.equals(name)) {
                        String tag = current.substring(bare.length());
                        String newName = image.path("newName").asText(bare);
                        String newTag = image.has("digest") ? "@" + image.get("digest").asText()
                                : image.has("newTag") ? ":" + image.get("newTag").asText() : tag;
                        ((ObjectNode) c).put("image", newName + newTag);
                    }
                }
            }
        }
    }

    private static void setReplicas(JsonNode replicas, Path directory, List<ObjectNode> resources) {
        String name = replicas.path("name").asText();
        List<ObjectNode> matched = resources.stream()
                .filter(r -> SCALABLE.contains(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .toList();
        check(!matched.isEmpty(), directory.resolve("kustomization.yaml"), "replicas for " + name + " match nothing");
        matched.forEach(r -> ((ObjectNode) r.get("spec")).put("replicas", replicas.path("count").asInt()));
    }

    private JsonNode readOne(Path file) {
        List<ObjectNode> documents = readAll(file);
        check(documents.size() == 1, file, "must hold exactly one document");
        return documents.getFirst();
    }

    /** Every document of a YAML file; each must be an object. */
    List<ObjectNode> readAll(Path file) {
        check(Files.isRegularFile(file), file, "does not exist");
        filesRead.add(file.toAbsolutePath().normalize());
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                check(document instanceof ObjectNode, file, "every document must be an object");
                documents.add((ObjectNode) document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    private static JsonNode parse(String yaml, Path where) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(where + ": unreadable patch: " + e.getMessage(), e);
        }
    }

    private static void check(boolean condition, Path file, String message) {
        if (!condition) {
            throw new AssertionError(file + ": " + message);
        }
    }
}
