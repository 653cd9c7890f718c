package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least data: a patient's name stays in screening-service's database and the pages that show it. After a full
 * session, with a stop-symptom, an alert, its acknowledgement and resolution, no event on any topic (dead-letter
 * topics included), no line of any service's log and no span any service sent to the collector carries the name; the
 * pseudonymous id does travel.
 */
class LeastDataEndToEndIT {

    private static final String NAME = "Wilhelmina Quarterfield";
    private static Platform platform;
    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform);
    }

    @Test
    void noEventAndNoLogLineCarriesThePatientsName() throws Exception {
        String patient = clinic.register(NAME);
        assertThat(clinic.screen(patient, Map.of())).isEqualTo("CLEARED");
        String session = clinic.startSessionWhenCleared(patient);
        assertThat(clinic.logSymptom(session, "chest-pain").status()).isEqualTo(201);
        String alert = awaitAlertOf(session);
        assertThat(Http.post(platform.alert.uri("/api/alerts/" + alert + "/acknowledge"), Clinic.CLINICIAN, Map.of()).status()).isEqualTo(200);
        assertThat(Http.post(platform.alert.uri("/api/alerts/" + alert + "/resolve"), Clinic.CLINICIAN,
                Map.of("outcome", "Seen by the clinician; blood pressure normal")).status()).isEqualTo(200);
        // the tablet sees the resolution: every event of this session has gone round
        await().atMost(Clinic.PROPAGATION).until(() -> Http.get(platform.session.uri("/api/sessions/" + session), Clinic.TABLET)
                .body().toString().contains("RESOLVED"));

        KafkaTestClient kafka = new KafkaTestClient(SpotterInfrastructure.kafkaBootstrapServers());
        List<String> leaks = new ArrayList<>();
        int records = 0;
        boolean idTravelled = false;
        for (String topic : kafka.topics()) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                records++;
                String text = (record.key() == null ? "" : record.key()) + KafkaTestClient.headers(record)
                        + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                idTravelled |= text.contains(patient);
                if (containsName(text)) {
                    leaks.add(topic + " @" + record.offset() + ": " + text);
                }
            }
        }
        // the resolution's request span has reached the collector: so have the spans of every step before it
        await().atMost(Clinic.PROPAGATION).until(() -> platform.traces.spans().stream()
                .anyMatch(span -> ("/api/alerts/" + alert + "/resolve").equals(span.attribute("url.path"))));
        for (TraceReceiver.ReceivedSpan span : platform.traces.spans()) {
            if (containsName(span.values())) {
                leaks.add(span.service() + " span " + span.name() + ": " + span.values());
            }
        }
        try (Stream<Path> logs = Files.list(Path.of("target", "e2e-logs"))) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    if (containsName(line)) {
                        leaks.add(log.getFileName() + ": " + line);
                    }
                }
            }
        }
        System.out.printf("least data: %d records on every topic, every service log and %d spans scanned%n", records,
                platform.traces.spans().size());
        assertThat(idTravelled).as("the patient's pseudonymous id is in the events (so the scan looked at them)").isTrue();
        assertThat(leaks).as("events, log lines and spans naming the patient").isEmpty();
    }

    private static boolean containsName(String text) {
        return Stream.of(NAME.split(" ")).anyMatch(text::contains);
    }

    private static String awaitAlertOf(String session) {
        String[] alert = new String[1];
        await().atMost(Clinic.PROPAGATION).until(() -> {
            for (JsonNode candidate : Http.get(platform.alert.uri("/api/alerts"), Clinic.CLINICIAN).body()) {
                if (session.equals(candidate.path("sessionId").asText())) {
                    alert[0] = candidate.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        return alert[0];
    }
}
