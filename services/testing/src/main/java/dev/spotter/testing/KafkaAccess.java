package dev.spotter.testing;

import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What one service may do on a production broker (the ACL table of docs/transport-security.md): write the topic it
 * owns and its dead-letter topic, read the topics it subscribes to, in consumer groups whose names start with its own.
 * Nothing else: no topic creation, no other service's topics or groups, no transactions.
 */
public record KafkaAccess(String service, List<String> writes, List<String> reads) {

    public static final List<KafkaAccess> SERVICES = List.of(
            new KafkaAccess("screening-service", List.of(Topics.SCREENING_EVENTS.name()), List.of()),
            new KafkaAccess("session-service",
                    List.of(Topics.SESSION_EVENTS.name(), Topic.deadLetterTopicOf("session-service")),
                    List.of(Topics.ALERT_EVENTS.name(), Topics.SCREENING_EVENTS.name())),
            new KafkaAccess("alert-service",
                    List.of(Topics.ALERT_EVENTS.name(), Topic.deadLetterTopicOf("alert-service")),
                    List.of(Topics.SESSION_EVENTS.name(), Topics.SCREENING_EVENTS.name())));

    public static KafkaAccess of(String service) {
        return SERVICES.stream().filter(a -> a.service.equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka access for " + service));
    }

    /** The Kafka principal of the service: its SCRAM user name, or the CN of its client certificate. */
    public String principal() {
        return "User:" + service;
    }

    /** Every consumer group of the service starts with this: {@code session-service.alert-events}. */
    public String groupPrefix() {
        return service + ".";
    }

    /** The ACLs to create for the service; WRITE and READ imply DESCRIBE of the topic. */
    public List<AclBinding> aclBindings() {
        List<AclBinding> bindings = new ArrayList<>();
        writes.forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        reads.forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
        if (!reads.isEmpty()) {
            bindings.add(allow(ResourceType.GROUP, groupPrefix(), PatternType.PREFIXED, AclOperation.READ));
        }
        return bindings;
    }

    private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
