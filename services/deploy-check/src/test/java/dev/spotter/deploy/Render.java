package dev.spotter.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One rendered kustomization (base or an overlay), every resource read into its typed model. */
final class Render {

    final String name;
    final List<ObjectNode> raw;
    private final List<HasMetadata> typed = new ArrayList<>();
    private final List<CnpgCluster> clusters = new ArrayList<>();

    private Render(String name, List<ObjectNode> raw) {
        this.name = name;
        this.raw = raw;
        for (ObjectNode resource : raw) {
            String type = Resources.type(resource);
            if (type.equals(CnpgCluster.API_VERSION + "/Cluster")) {
                clusters.add(CnpgCluster.parse(resource));
                continue;
            }
            Class<?> model = Resources.MODELS.get(type);
            if (model == null) {
                throw new AssertionError(name + ": " + Resources.id(resource) + ": " + type
                        + " is not a kind these manifests may use (see Resources.MODELS)");
            }
            typed.add((HasMetadata) StrictModels.read(resource, model, name + ": " + Resources.id(resource)));
        }
    }

    /** Renders deploy/k8s/{@code relative} with {@code kustomization} (which records the files it read). */
    static Render of(Kustomization kustomization, Path k8s, String relative) {
        return new Render(relative, kustomization.render(k8s.resolve(relative)));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst();
    }

    List<HasMetadata> typed() {
        return typed;
    }

    List<CnpgCluster> clusters() {
        return clusters;
    }

    Optional<CnpgCluster> cluster(String clusterName) {
        return clusters.stream().filter(c -> c.name().equals(clusterName)).findFirst();
    }

    /** The keys of every ConfigMap of the render, by name. */
    Map<String, Set<String>> configMaps() {
        Map<String, Set<String>> maps = new HashMap<>();
        all(ConfigMap.class).forEach(m -> maps.put(m.getMetadata().getName(), m.getData() == null ? Set.of() : m.getData().keySet()));
        return maps;
    }

    /** The Secrets that the operators make from the render's resources, with their keys. */
    Map<String, Set<String>> operatorSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        all(Kafka.class).forEach(k -> secrets.put(k.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        all(KafkaUser.class).forEach(u -> secrets.put(u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        all(Certificate.class).forEach(c -> secrets.put(c.getSpec().getSecretName(), Set.of("tls.crt", "tls.key", "ca.crt")));
        clusters.forEach(c -> secrets.putAll(c.secrets()));
        return secrets;
    }

    /** The labels of each workload's pods: the Deployments' templates and the PostgreSQL clusters' instances. */
    List<Map<String, String>> podLabels() {
        List<Map<String, String>> labels = new ArrayList<>();
        all(Deployment.class).forEach(d -> labels.add(d.getSpec().getTemplate().getMetadata().getLabels()));
        clusters.forEach(c -> labels.add(c.podLabels()));
        return labels;
    }

    /** Whether a label selector selects pods with these labels (matchLabels and matchExpressions). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!labels.entrySet().containsAll(match.entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
