package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;

/** The strict reading refuses what the API server or the operators would: the checks above rest on it. */
class StrictModelsTest {

    @Test
    void aValidDeploymentIsRead() {
        Deployment deployment = StrictModels.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  replicas: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: c, image: i, resources: {limits: {memory: 512Mi}}}]
                """), Deployment.class, "d");

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void anUnknownFieldFails() {
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {replica: 2}
                """), Deployment.class, "d")).hasMessageContaining("replica");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {replicas: "2"}
                """), Deployment.class, "d")).hasMessageContaining("replicas");
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {SPOTTER_SMTP_PORT: 587}
                """), ConfigMap.class, "c")).hasMessageContaining("SPOTTER_SMTP_PORT");
    }

    @Test
    void aLabelThatIsNotAStringFails() {
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, labels: {enabled: true}}
                """), ConfigMap.class, "c")).hasMessageContaining("enabled");
    }

    @Test
    void anInvalidQuantityFails() {
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers: [{name: c, image: i, resources: {limits: {memory: lots}}}]
                """), Deployment.class, "d")).hasMessageContaining("memory");
    }

    @Test
    void aStrimziFieldGoneFromItsV1ApiFails() {
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    replicas: 3
                    listeners: [{name: tls, port: 9093, type: internal, tls: true}]
                """), Kafka.class, "k")).hasMessageContaining("replicas").hasMessageContaining("deprecated");
        assertThatThrownBy(() -> StrictModels.read(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operation: Read}]
                """), KafkaUser.class, "u")).hasMessageContaining("operation");
    }

    @Test
    void aCloudNativePgClusterOutsideTheSubsetFails() {
        String valid = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: c}
                spec:
                  instances: 3
                  storage: {size: 1Gi}
                  bootstrap: {initdb: {database: d, owner: o}}
                """;
        assertThat(CnpgCluster.parse(yaml(valid)).instances()).isEqualTo(3);
        assertThatThrownBy(() -> CnpgCluster.parse(yaml(valid.replace("instances: 3", "instance: 3")))).hasMessageContaining("instance");
        assertThatThrownBy(() -> CnpgCluster.parse(yaml(valid.replace("instances: 3", "instances: \"3\"")))).hasMessageContaining("integer");
        assertThatThrownBy(() -> CnpgCluster.parse(yaml(valid.replace("size: 1Gi", "size: lots")))).isInstanceOf(RuntimeException.class);
    }

    private static JsonNode yaml(String text) {
        try {
            return Kustomization.YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
