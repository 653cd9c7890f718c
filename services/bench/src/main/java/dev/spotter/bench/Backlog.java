package dev.spotter.bench;

import dev.spotter.testing.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind the stop-symptom path is at one moment: session-service's outbox rows not yet published, and
 * alert-service's consumer lag on {@code spotter.session-events}. A backlog that grows over the run means the
 * platform is not keeping up with the load.
 */
final class Backlog implements AutoCloseable {

    /** One sample: outbox rows waiting, and events published but not yet consumed. */
    record Sample(long outbox, long consumerLag) {
    }

    private static final String GROUP = "alert-service.session-events";
    private static final String TOPIC = "spotter.session-events";

    private final Admin admin;

    Backlog(String bootstrapServers) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 5000, "default.api.timeout.ms", 5000));
    }

    Sample sample() {
        return new Sample(unpublishedOutbox(), consumerLag());
    }

    private long consumerLag() {
        return consumerLag(GROUP, TOPIC);
    }

    /** Events on {@code topic} not yet consumed by {@code group}; -1 when the broker does not say. */
    long consumerLag(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().filter(p -> p.topic().equals(topic))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            return ends.entrySet().stream().mapToLong(end -> end.getValue().offset() - committed.get(end.getKey()).offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long unpublishedOutbox() {
        try (Connection connection = DriverManager.getConnection(BenchPlatform.directUrl("session-service"), PostgresDatabases.user(),
                PostgresDatabases.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM outbox_message WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
