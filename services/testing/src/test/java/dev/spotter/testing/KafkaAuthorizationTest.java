package dev.spotter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transport security on a real broker, each client set up from a service's own application.properties and the
 * variables production gives it: every service reaches its own topics and consumer groups, by its SCRAM user or its
 * client certificate, and nothing else; no credentials, a wrong password or an untrusted broker gets nowhere.
 */
class KafkaAuthorizationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static TestCertificates certificates;
    private static SecuredKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path dir = Files.createTempDirectory("spotter-secured-kafka-");
        certificates = TestCertificates.create(dir.resolve("tls"), KafkaAccess.SERVICES.stream().map(KafkaAccess::service).toList());
        broker = SecuredKafkaBroker.start(dir.resolve("broker"), certificates);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    static Stream<Arguments> servicesAndListeners() {
        Function<String, Map<String, String>> scram = service -> broker.scramEnvironment(service);
        Function<String, Map<String, String>> scramTls = service -> broker.scramTlsEnvironment(service);
        Function<String, Map<String, String>> mutualTls = service -> broker.mutualTlsEnvironment(service);
        return Stream.of(
                Arguments.of("screening-service", "SCRAM", scram),
                Arguments.of("session-service", "SCRAM", scram),
                Arguments.of("alert-service", "SCRAM", scram),
                Arguments.of("session-service", "SCRAM over TLS", scramTls),
                Arguments.of("alert-service", "mutual TLS", mutualTls));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("servicesAndListeners")
    void aServiceWritesItsOwnTopicsAndReadsItsSubscriptionsInItsOwnGroups(String service, String how,
                                                                         Function<String, Map<String, String>> environment) throws Exception {
        KafkaAccess access = KafkaAccess.of(service);
        ServiceSettings settings = ServiceSettings.of(service, environment.apply(service));
        assertThat(settings.groupsByTopic().keySet()).as("the topics %s subscribes to", service)
                .containsExactlyInAnyOrderElementsOf(access.reads());
        assertThat(settings.groupsByTopic().values()).allMatch(group -> group.startsWith(access.groupPrefix()));
        assertThat(access.writes()).containsAll(settings.deadLetterTopics());

        for (String topic : access.writes()) {
            send(settings.kafka(), topic);
        }
        for (Map.Entry<String, String> subscription : settings.groupsByTopic().entrySet()) {
            String marker = send(broker.adminSettings(), subscription.getKey());
            assertThat(consume(settings.kafka(), subscription.getKey(), subscription.getValue(), marker))
                    .as("%s reads %s in group %s", service, subscription.getKey(), subscription.getValue()).isTrue();
        }
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        ServiceSettings session = ServiceSettings.of("session-service", broker.scramEnvironment("session-service"));
        assertThatThrownBy(() -> send(session.kafka(), Topics.ALERT_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(session.kafka(), "spotter.alert-service.dlq"))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);

        ServiceSettings byCertificate = ServiceSettings.of("session-service", broker.mutualTlsEnvironment("session-service"));
        assertThatThrownBy(() -> send(byCertificate.kafka(), Topics.ALERT_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotReadATopicItDoesNotSubscribeToNorUseAnotherServicesGroup() {
        ServiceSettings session = ServiceSettings.of("session-service", broker.scramEnvironment("session-service"));
        assertThatThrownBy(() -> consume(session.kafka(), Topics.SESSION_EVENTS.name(), "session-service.own-events", "-"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consume(session.kafka(), Topics.SCREENING_EVENTS.name(), "alert-service.screening-events", "-"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, String> environment = new HashMap<>(broker.scramEnvironment("session-service"));
        environment.put("SPOTTER_KAFKA_PASSWORD", "not-" + broker.password("session-service"));
        ServiceSettings impostor = ServiceSettings.of("session-service", environment);

        assertThatThrownBy(() -> send(impostor.kafka(), Topics.SESSION_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutCredentialsGetsNowhere() {
        // the service's defaults: plaintext, no user; the SCRAM listener hangs up on it, so no metadata ever arrives
        ServiceSettings anonymous = ServiceSettings.of("session-service",
                Map.of("SPOTTER_KAFKA_BOOTSTRAP", broker.scramEnvironment("session-service").get("SPOTTER_KAFKA_BOOTSTRAP")));
        assertThat(anonymous.kafka()).containsEntry("security.protocol", "PLAINTEXT").doesNotContainKey("ssl.truststore.location");
        assertThatThrownBy(() -> send(anonymous.kafka(), Topics.SESSION_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);

        Map<String, String> noCertificate = new HashMap<>(broker.mutualTlsEnvironment("session-service"));
        noCertificate.remove("SPOTTER_KAFKA_KEYSTORE");
        noCertificate.remove("SPOTTER_KAFKA_KEYSTORE_PASSWORD");
        ServiceSettings withoutCertificate = ServiceSettings.of("session-service", noCertificate);
        assertThatThrownBy(() -> send(withoutCertificate.kafka(), Topics.SESSION_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCertificateSendsNothing() {
        Map<String, String> environment = new HashMap<>(broker.scramTlsEnvironment("session-service"));
        environment.put("SPOTTER_KAFKA_TRUSTSTORE", certificates.trustStore("alert-service").toString());
        ServiceSettings misled = ServiceSettings.of("session-service", environment);

        assertThatThrownBy(() -> send(misled.kafka(), Topics.SESSION_EVENTS.name()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
    }

    /** Sends a new marker to {@code topic} and waits for the broker's acknowledgement; returns the marker. */
    private static String send(Map<String, Object> settings, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, marker, marker)).get(15, TimeUnit.SECONDS);
        }
        return marker;
    }

    /** Reads {@code topic} in {@code group} from the start until {@code marker} comes, then commits the group's offsets. */
    private static boolean consume(Map<String, Object> settings, String topic, String group, String marker) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(DEADLINE);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (marker.equals(record.value())) {
                        consumer.commitSync();
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
