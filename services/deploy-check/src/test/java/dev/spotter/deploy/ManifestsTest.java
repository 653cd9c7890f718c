package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest under deploy/k8s is rendered (the base and each overlay) and read into its typed model, strictly;
 * nothing lies there unused; no Secret is committed; and, where kubectl is installed, kustomize renders each the same.
 */
class ManifestsTest {

    /** Fields whose object names a Secret: pods' references, CloudNativePG's, the Prometheus Operator's. */
    private static final Set<String> SECRET_FIELDS = Set.of("secretKeyRef", "secretRef", "passwordSecret", "secret", "clientSecret");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "tools"})
    void everyResourceIsReadByItsTypedModelAndNamedOnce(String kustomization) {
        Render render = Renders.of(kustomization);

        assertThat(render.raw).isNotEmpty();
        assertThat(render.typed().size() + render.clusters().size()).isEqualTo(render.raw.size());
        Set<String> seen = new HashSet<>();
        render.raw.forEach(r -> assertThat(seen.add(Resources.id(r))).as(render + ": %s twice", Resources.id(r)).isTrue());
    }

    @Test
    void everyFileUnderDeployK8sIsPartOfARendering() throws IOException {
        Set<Path> read = Renders.filesRead();
        try (Stream<Path> files = Files.walk(Renders.k8s())) {
            List<Path> unused = files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !read.contains(p)).toList();
            assertThat(unused).as("files no kustomization reads").isEmpty();
        }
    }

    @Test
    void noSecretIsCommitted() {
        for (Path file : Renders.filesRead()) {
            assertThat(ServiceSource.read(file)).as(file.toString()).doesNotContainPattern("(?m)^kind:\\s*Secret\\s*$");
        }
        Renders.overlays().forEach(render -> assertThat(render.raw).noneMatch(r -> r.path("kind").asText().equals("Secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "tools"})
    void everySecretNamedAnywhereIsMadeByAnOperatorOrByOps(String kustomization) {
        // the tools run beside prod's Kafka, whose operator makes their Secrets
        Render render = Renders.of(kustomization.equals("tools") ? "overlays/prod" : kustomization);
        Map<String, Set<String>> secrets = new TreeMap<>(render.operatorSecrets());
        secrets.putAll(Renders.suppliedSecrets());
        for (ObjectNode resource : Renders.of(kustomization).raw) {
            if (resource.path("kind").asText().equals("Certificate")) {
                continue; // its secretName is the Secret it makes
            }
            secretReferences(resource, "", (name, key) -> {
                assertThat(secrets).as("%s names the Secret %s", Resources.id(resource), name).containsKey(name);
                if (key != null) {
                    assertThat(secrets.get(name)).as("%s names the key %s of %s", Resources.id(resource), key, name).contains(key);
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "tools"})
    void kubectlKustomizeRendersTheSameResources(String kustomization) throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed: the renderings were checked with this test's own kustomize"
                + " subset (Kustomization) only, not compared with kustomize's");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", Renders.k8s().resolve(kustomization).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + kustomization).isZero();

        assertThat(byId(parse(new String(out, StandardCharsets.UTF_8)))).isEqualTo(byId(Renders.of(kustomization).raw));
    }

    /** Every Secret a resource names: {@code secretName}, and {@code name} (with {@code key}) under a field naming a Secret. */
    private static void secretReferences(JsonNode node, String field, BiConsumer<String, String> reference) {
        if (node.isObject()) {
            if (SECRET_FIELDS.contains(field) && node.path("name").isTextual()) {
                reference.accept(node.get("name").asText(), node.path("key").asText(null));
            }
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("secretName") && e.getValue().isTextual()) {
                    reference.accept(e.getValue().asText(), null);
                }
                secretReferences(e.getValue(), e.getKey(), reference);
            });
        } else if (node.isArray()) {
            node.forEach(item -> secretReferences(item, field, reference));
        }
    }

    private static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Kustomization.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            it.forEachRemaining(node -> resources.add((ObjectNode) node));
        }
        return resources;
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        resources.forEach(r -> byId.put(Resources.id(r), r));
        return byId;
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
