package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What sets the overlays apart: dev runs one of everything, small; prod runs redundantly, spread and protected. */
class OverlayTest {

    @Test
    void devRunsOneReplicaOfEverythingWithSmallResources() {
        Render dev = Renders.of("overlays/dev");
        for (Deployment deployment : dev.all(Deployment.class)) {
            assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isEqualTo(1);
            var limits = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getLimits();
            assertThat(limits.get("memory").getNumericalAmount().longValue()).isLessThanOrEqualTo(512L << 20);
        }
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(KafkaTest.brokers(dev)).isEqualTo(1);
        dev.clusters().forEach(c -> assertThat(c.instances()).isEqualTo(1));
    }

    @Test
    void prodRunsAtLeastTwoReplicasOfEachServiceUnderAnAutoscaler() {
        Render prod = Renders.of("overlays/prod");
        for (ServiceSource service : ServiceSource.all()) {
            Deployment deployment = Renders.deployment(prod, service.name());
            HorizontalPodAutoscaler autoscaler = prod.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(service.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no autoscaler for " + service.name()));

            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());
            assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the count; apply must not reset it").isNull();
        }
    }

    @Test
    void prodKeepsReplicasOnDifferentNodesAndZonesAndDrainsOneAtATime() {
        Render prod = Renders.of("overlays/prod");
        for (ServiceSource service : ServiceSource.all()) {
            Deployment deployment = Renders.deployment(prod, service.name());
            Map<String, String> pods = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<TopologySpreadConstraint> spread = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();

            assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey)
                    .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            spread.forEach(s -> assertThat(Render.selects(s.getLabelSelector(), pods)).as("spread selects its own pods").isTrue());
            List<PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream()
                    .filter(b -> Render.selects(b.getSpec().getSelector(), pods)).toList();
            assertThat(budgets).as("a disruption budget for %s", service.name()).singleElement()
                    .satisfies(b -> assertThat(b.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
        }
    }

    @Test
    void prodKafkaKeepsThreeCopiesOfEveryTopicAndRefusesWritesWithFewerThanTwo() {
        Render prod = Renders.of("overlays/prod");
        assertThat(KafkaTest.brokers(prod)).isGreaterThanOrEqualTo(3);
        for (KafkaTopic topic : prod.all(KafkaTopic.class)) {
            assertThat(topic.getSpec().getReplicas()).as(topic.getMetadata().getName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        }
        assertThat(prod.all(Kafka.class).getFirst().getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2);
        prod.all(KafkaNodePool.class).forEach(pool -> assertThat(pool.getSpec().getReplicas()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void prodDatabasesHaveAPrimaryAndTwoStandbys() {
        Renders.of("overlays/prod").clusters().forEach(c -> assertThat(c.instances()).as(c.name()).isEqualTo(3));
    }
}
