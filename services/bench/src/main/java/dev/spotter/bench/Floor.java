package dev.spotter.bench;

import dev.spotter.testing.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor our latency is compared with, on the same broker and PostgreSQL server: a raw Kafka produce-to-consume
 * round trip ({@code acks=all}, idempotent, as the outbox relay sends) and a raw PostgreSQL commit of one row.
 * Each is measured one after another, with a pause between, in microseconds.
 */
final class Floor {

    private static final String TOPIC = "spotter-bench.floor";

    private final String bootstrapServers;
    final Recorder kafka = new Recorder(3);
    final Recorder postgres = new Recorder(3);

    Floor(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Measures both for {@code duration}, at most one round trip and one commit every {@code pause}. */
    void measure(Duration duration, Duration pause) throws Exception {
        Thread kafkaLoop = Thread.ofPlatform().name("floor-kafka").start(() -> kafkaRoundTrips(duration, pause));
        Thread postgresLoop = Thread.ofPlatform().name("floor-postgres").start(() -> postgresCommits(duration, pause));
        kafkaLoop.join();
        postgresLoop.join();
    }

    private void kafkaRoundTrips(Duration duration, Duration pause) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(sent).getBytes()));
                if (awaitOwn(consumer, sent)) {
                    kafka.recordValue((System.nanoTime() - sent) / 1000);
                }
                Thread.sleep(pause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitOwn(KafkaConsumer<byte[], byte[]> consumer, long sent) {
        byte[] mine = Long.toString(sent).getBytes();
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < giveUp) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (java.util.Arrays.equals(record.value(), mine)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void postgresCommits(Duration duration, Duration pause) {
        String url = PostgresDatabases.recreate("spotter_bench_floor");
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE floor (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO floor (note) VALUES (?)")) {
                long end = System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    insert.setString(1, "commit");
                    insert.executeUpdate();
                    connection.commit();
                    postgres.recordValue((System.nanoTime() - started) / 1000);
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL floor failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties producerSettings() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("acks", "all");
        settings.put("enable.idempotence", "true");
        settings.put("linger.ms", "0");
        settings.put("key.serializer", ByteArraySerializer.class.getName());
        settings.put("value.serializer", ByteArraySerializer.class.getName());
        return settings;
    }

    private Properties consumerSettings() {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("enable.auto.commit", "false");
        settings.put("key.deserializer", ByteArrayDeserializer.class.getName());
        settings.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return settings;
    }
}
