package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SecuredKafkaBroker;
import dev.spotter.testing.TestCertificates;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three packaged services set up for production by environment variables alone: HTTPS only, and Kafka over TLS,
 * each service its own SCRAM user on a broker that enforces the per-service ACLs and manages the topics itself. A
 * stop-symptom still travels from session-service to alert-service and back, and an unreadable event is still
 * dead-lettered.
 */
class TransportSecurityEndToEndIT {

    private static final Duration ROUND_TRIP = Duration.ofSeconds(15);

    private static SecuredKafkaBroker broker;
    private static Platform platform;
    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        broker = SecuredKafkaBroker.start(Files.createTempDirectory("spotter-secured-kafka-"), certificates);
        platform = Platform.start("spotter_e2e_tls_", service -> {
            Map<String, String> environment = new HashMap<>(broker.scramTlsEnvironment(service));
            environment.put("SPOTTER_KAFKA_CREATE_TOPICS", "false");
            environment.put("SPOTTER_HTTP_TLS_CERT", certificates.serverCertificatePem().toString());
            environment.put("SPOTTER_HTTP_TLS_KEY", certificates.serverKeyPem().toString());
            environment.put("SPOTTER_HTTP_INSECURE", "disabled");
            return environment;
        });
        clinic = new Clinic(platform);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aStopSymptomBecomesAnAlertThatComesBackToTheSession() throws Exception {
        assertThat(platform.session.uri("/").getScheme()).isEqualTo("https");
        // screening-service's relay → session-service's consumer: the patient may start
        String session = clinic.sessionOfNewClearedPatient("Tess Transport");

        assertThat(clinic.logSymptom(session, "chest-pain").status()).isEqualTo(201);

        // session-service's relay → alert-service's consumer and relay → session-service's consumer
        await().atMost(ROUND_TRIP).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Http.Reply shown = Http.get(platform.session.uri("/api/sessions/" + session), Clinic.TABLET);
            assertThat(shown.body().at("/alert/status").asText()).isEqualTo("RAISED");
        });
    }

    @Test
    void anUnreadableEventIsDeadLetteredUnderTheConsumersOwnUser() {
        KafkaTestClient admin = new KafkaTestClient(broker.adminSettings());
        String key = "unreadable-" + UUID.randomUUID();
        admin.send(Topics.SESSION_EVENTS.name(), key, Map.of(), "not a CloudEvent".getBytes(StandardCharsets.UTF_8));

        var parked = admin.read(Topic.deadLetterTopicOf("alert-service"),
                records -> records.stream().anyMatch(r -> key.equals(r.key())), ROUND_TRIP);
        assertThat(parked).as("on alert-service's dead-letter topic").anyMatch(r -> key.equals(r.key()));
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        HttpRequest plain = HttpRequest.newBuilder(platform.screening.plainUri("/q/health/ready")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);

        HttpResponse<Void> secure = platform.screening.httpClient()
                .send(HttpRequest.newBuilder(platform.screening.uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(secure.statusCode()).isEqualTo(200);
    }
}
