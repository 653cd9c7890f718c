package dev.spotter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import dev.spotter.testing.KafkaAccess;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka through Strimzi: every topic the services use exists, replicated as far as the brokers allow; each service
 * has its own user with exactly the ACLs of docs/transport-security.md (KafkaAccess) and reaches the cluster over TLS
 * as that user; only Spotter's pods may connect.
 */
class KafkaTest {

    static List<Render> overlays() {
        return Renders.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicTheServicesUseIsMadeByTheOperator(Render render) {
        Set<String> used = new TreeSet<>();
        Topics.all().forEach(topic -> used.add(topic.name()));
        for (ServiceSource service : ServiceSource.all()) {
            used.addAll(service.incoming("topic"));
            used.addAll(service.incoming("dead-letter-queue.topic"));
        }
        used.add(Topic.deadLetterTopicOf("session-service"));
        used.add(Topic.deadLetterTopicOf("alert-service"));

        assertThat(topicNames(render)).containsExactlyInAnyOrderElementsOf(used);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void topicsAreReplicatedAsFarAsTheBrokersAllow(Render render) {
        int brokers = brokers(render);
        Kafka kafka = kafka(render);
        for (KafkaTopic topic : render.all(KafkaTopic.class)) {
            int replicas = topic.getSpec().getReplicas();
            int minInsync = (Integer) topic.getSpec().getConfig().get("min.insync.replicas");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            assertThat(replicas).as("%s: replicas", topic.getMetadata().getName()).isBetween(1, brokers);
            assertThat(minInsync).as("%s: one replica may fail without refusing writes", topic.getMetadata().getName())
                    .isEqualTo(replicas == 1 ? 1 : replicas - 1);
            assertThat(topic.getSpec().getPartitions()).isPositive();
        }
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false)
                .containsEntry("offsets.topic.replication.factor", Math.min(3, brokers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceHasAUserWithExactlyItsAcls(Render render) {
        for (KafkaAccess access : KafkaAccess.SERVICES) {
            KafkaUser user = render.named(KafkaUser.class, access.service()).orElseThrow(() -> new AssertionError("no KafkaUser " + access.service()));
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            Set<String> expected = new TreeSet<>();
            access.writes().forEach(topic -> expected.add("topic " + topic + " literal [DESCRIBE, WRITE]"));
            access.reads().forEach(topic -> expected.add("topic " + topic + " literal [DESCRIBE, READ]"));
            if (!access.reads().isEmpty()) {
                expected.add("group " + access.groupPrefix() + " prefix [READ]");
            }
            assertThat(acls(user)).as("ACLs of %s", access.service()).containsExactlyInAnyOrderElementsOf(expected);
            ServiceSource.of(access.service()).incoming("group.id")
                    .forEach(group -> assertThat(group).as("consumer group").startsWith(access.groupPrefix()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceConnectsOverTlsAsItsOwnUserAndCreatesNoTopic(Render render) {
        Kafka kafka = kafka(render);
        for (ServiceSource service : ServiceSource.all()) {
            Container container = Renders.container(render, service.name());
            Map<String, String> env = WorkloadTest.environment(render, container);
            String[] bootstrap = env.get("SPOTTER_KAFKA_BOOTSTRAP").split(":");
            GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().stream()
                    .filter(l -> l.getPort() == Integer.parseInt(bootstrap[1])).findFirst().orElseThrow();

            Map<String, String> pod = Renders.deployment(render, service.name()).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(bootstrap[0]).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap");
            assertThat(listener.getNetworkPolicyPeers()).as("%s may connect to listener %s", service.name(), listener.getName())
                    .anyMatch(peer -> Render.selects(peer.getPodSelector(), pod));
            assertThat(listener.isTls()).isTrue();
            assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
            assertThat(env).containsEntry("SPOTTER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPOTTER_KAFKA_USER", service.name()).containsEntry("SPOTTER_KAFKA_CREATE_TOPICS", "false");
            assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("SPOTTER_KAFKA_PASSWORD")).singleElement()
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlySpottersPodsMayConnect(Render render) {
        for (GenericKafkaListener listener : kafka(render).getSpec().getKafka().getListeners()) {
            List<NetworkPolicyPeer> peers = listener.getNetworkPolicyPeers();
            assertThat(peers).as("listener %s: without peers Strimzi lets every pod connect", listener.getName()).isNotEmpty();
            for (NetworkPolicyPeer peer : peers) {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                for (Map<String, String> pod : render.podLabels()) {
                    if (Render.selects(peer.getPodSelector(), pod)) {
                        assertThat(pod).containsEntry("app.kubernetes.io/part-of", "spotter")
                                .containsEntry("app.kubernetes.io/component", "service");
                    }
                }
                assertThat(Render.selects(peer.getPodSelector(), Map.of("app.kubernetes.io/name", "anything"))).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theToolsPodMayConnectAsTheOpsUserAndRunsRestricted(Render render) {
        Pod tools = Renders.of("tools").named(Pod.class, "kafka-tools").orElseThrow();
        Map<String, String> labels = tools.getMetadata().getLabels();
        GenericKafkaListener listener = kafka(render).getSpec().getKafka().getListeners().getFirst();
        Container container = tools.getSpec().getContainers().getFirst();

        assertThat(listener.getNetworkPolicyPeers()).anyMatch(peer -> Render.selects(peer.getPodSelector(), labels));
        assertThat(render.named(KafkaUser.class, "spotter-ops")).isPresent();
        assertThat(container.getEnv()).filteredOn(e -> e.getValueFrom() != null)
                .allSatisfy(e -> assertThat(render.operatorSecrets()).containsKey(e.getValueFrom().getSecretKeyRef().getName()));
        assertThat(ImageTest.hasRegistryHost(container.getImage())).isFalse();
        assertThat(tools.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    }

    static Kafka kafka(Render render) {
        List<Kafka> clusters = render.all(Kafka.class);
        assertThat(clusters).hasSize(1);
        return clusters.getFirst();
    }

    /** The broker nodes: the replicas of every node pool with the broker role. */
    static int brokers(Render render) {
        return render.all(KafkaNodePool.class).stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private static Set<String> topicNames(Render render) {
        Set<String> names = new TreeSet<>();
        render.all(KafkaTopic.class).forEach(t -> names.add(t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName()));
        return names;
    }

    private static Set<String> acls(KafkaUser user) {
        Set<String> acls = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            Set<String> operations = new TreeSet<>();
            rule.getOperations().forEach(op -> operations.add(op.name()));
            String resource = switch (rule.getResource()) {
                case AclRuleTopicResource topic -> "topic " + topic.getName() + " " + topic.getPatternType().toValue();
                case AclRuleGroupResource group -> "group " + group.getName() + " " + group.getPatternType().toValue();
                default -> "other " + rule.getResource().getType();
            };
            assertThat(rule.getType() == null || rule.getType().toValue().equals("allow")).isTrue();
            acls.add(resource + " " + operations);
        }
        return acls;
    }
}
